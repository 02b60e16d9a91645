package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How many calls of one function may be in flight at once from this application, and how
 * long a call beyond that waits for one of them to end before it is rejected.
 *
 * @param maxConcurrency the most calls in flight, or {@code null} for no limit
 * @param maxWait the longest a call waits for a free permit; zero rejects it at once
 */
public record BulkheadSettings(@Nullable Integer maxConcurrency, Duration maxWait) {

	/** No limit. */
	public static final BulkheadSettings UNLIMITED = new BulkheadSettings(null, Duration.ZERO);

	/**
	 * Whether the number of calls in flight is limited.
	 * @return {@code true} when a maximum concurrency is set
	 */
	public boolean limited() {
		return this.maxConcurrency != null;
	}

}

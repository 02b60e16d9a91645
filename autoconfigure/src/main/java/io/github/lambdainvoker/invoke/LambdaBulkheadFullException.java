package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call was rejected before anything was sent because its function already had as many
 * calls in flight as its {@code max-concurrency} allows, and none ended within
 * {@code max-wait}. The function did not run; the call may be retried later.
 */
public class LambdaBulkheadFullException extends LambdaInvocationException {

	private final int maxConcurrency;

	private final Duration maxWait;

	public LambdaBulkheadFullException(String functionName, @Nullable String qualifier, int maxConcurrency,
			Duration maxWait, @Nullable Throwable cause) {
		super("Function " + describe(functionName, qualifier) + " already has " + maxConcurrency
				+ " call(s) in flight, its max-concurrency, and none ended within " + maxWait
				+ "; the call was not sent", functionName, qualifier, cause);
		this.maxConcurrency = maxConcurrency;
		this.maxWait = maxWait;
	}

	/**
	 * Return the most calls of the function allowed in flight at once.
	 * @return the max concurrency
	 */
	public int getMaxConcurrency() {
		return this.maxConcurrency;
	}

	/**
	 * Return how long the call waited for a permit.
	 * @return the max wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

}

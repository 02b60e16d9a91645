package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * The time budget of one call: the function's overall {@code timeout} across attempts and
 * its per-attempt {@code attemptTimeout}, applied to each attempt's SDK request.
 */
public final class InvocationDeadline {

	private final PreparedInvocation invocation;

	private final long startNanos;

	private final @Nullable Duration timeout;

	private InvocationDeadline(PreparedInvocation invocation, long startNanos) {
		this.invocation = invocation;
		this.startNanos = startNanos;
		this.timeout = invocation.function().timeout();
	}

	/**
	 * Start the clock for an invocation.
	 * @param invocation the invocation
	 * @return its deadline
	 */
	public static InvocationDeadline start(PreparedInvocation invocation) {
		return new InvocationDeadline(invocation, System.nanoTime());
	}

	/**
	 * Return the SDK request of a single-attempt call: the prepared request as it is when
	 * the function has no timeouts, so the common path allocates nothing here.
	 * @param invocation the invocation
	 * @return the request to send
	 */
	public static InvokeRequest firstRequest(PreparedInvocation invocation) {
		ResolvedFunction function = invocation.function();
		if (function.timeout() == null && function.attemptTimeout() == null) {
			return invocation.sdkRequest();
		}
		return start(invocation).requestForAttempt(1);
	}

	/**
	 * Return the time left before the overall timeout.
	 * @return the remaining time, or {@code null} when there is no overall timeout
	 */
	public @Nullable Duration remaining() {
		return (this.timeout != null) ? this.timeout.minusNanos(System.nanoTime() - this.startNanos) : null;
	}

	/**
	 * Whether a wait of the given length still leaves time for another attempt.
	 * @param wait the wait before the next attempt
	 * @return {@code true} when another attempt can start after the wait
	 */
	public boolean allows(Duration wait) {
		Duration remaining = remaining();
		return remaining == null || remaining.compareTo(wait) > 0;
	}

	/**
	 * Return the SDK request for the next attempt, with its attempt timeout set to the
	 * smaller of the function's attempt timeout and the time left.
	 * @param attempt the attempt number, starting at 1
	 * @return the request to send
	 * @throws LambdaTimeoutException if no time is left
	 */
	public InvokeRequest requestForAttempt(int attempt) {
		Duration remaining = remaining();
		if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
			throw exceeded(attempt - 1);
		}
		Duration attemptTimeout = this.invocation.function().attemptTimeout();
		if (remaining != null && (attemptTimeout == null || remaining.compareTo(attemptTimeout) < 0)) {
			attemptTimeout = remaining;
		}
		InvokeRequest request = this.invocation.sdkRequest();
		if (attemptTimeout == null) {
			return request;
		}
		Duration timeout = attemptTimeout;
		return request.toBuilder().overrideConfiguration((config) -> config.apiCallAttemptTimeout(timeout)).build();
	}

	/**
	 * Return the exception that reports the overall timeout as spent.
	 * @param attempts the attempts made so far
	 * @return the exception
	 */
	public LambdaTimeoutException exceeded(int attempts) {
		return new LambdaTimeoutException(
				"Call to function '" + this.invocation.functionKey() + "' used up its timeout of " + this.timeout
						+ " after " + attempts + " attempt(s)",
				this.invocation.functionKey(), this.invocation.qualifier(), null);
	}

}

package io.github.lambdainvoker.invoke;

import java.time.Duration;

/**
 * How a function's calls are retried. Only failures that cannot have run the function are
 * retried unless the function is declared idempotent.
 *
 * @param enabled whether failed calls are retried at all
 * @param maxAttempts the most attempts a call makes, the first included
 * @param initialInterval the wait before the first retry
 * @param multiplier the factor each wait grows by
 * @param maxInterval the longest wait between attempts
 * @param jitter whether waits are randomised (between half and all of the computed wait)
 * @param idempotent whether a call may run the function twice, so failures whose outcome
 * is unknown are retried too
 * @param retryOnFunctionError whether function errors are retried
 * @param budget how many retries the function's calls may make between them
 */
public record RetrySettings(boolean enabled, int maxAttempts, Duration initialInterval, double multiplier,
		Duration maxInterval, boolean jitter, boolean idempotent, boolean retryOnFunctionError,
		RetryBudgetSettings budget) {

	/**
	 * Built-in defaults: 3 attempts, 100 ms doubling to at most 5 s, with jitter, within
	 * the default retry budget.
	 */
	public static final RetrySettings DEFAULTS = new RetrySettings(true, 3, Duration.ofMillis(100), 2.0,
			Duration.ofSeconds(5), true, false, false);

	/** One attempt, no retry. */
	public static final RetrySettings NONE = new RetrySettings(false, 1, Duration.ofMillis(100), 2.0,
			Duration.ofSeconds(5), false, false, false, RetryBudgetSettings.UNLIMITED);

	/**
	 * Create settings within the default retry budget.
	 * @param enabled whether failed calls are retried at all
	 * @param maxAttempts the most attempts a call makes, the first included
	 * @param initialInterval the wait before the first retry
	 * @param multiplier the factor each wait grows by
	 * @param maxInterval the longest wait between attempts
	 * @param jitter whether waits are randomised
	 * @param idempotent whether a call may run the function twice
	 * @param retryOnFunctionError whether function errors are retried
	 */
	public RetrySettings(boolean enabled, int maxAttempts, Duration initialInterval, double multiplier,
			Duration maxInterval, boolean jitter, boolean idempotent, boolean retryOnFunctionError) {
		this(enabled, maxAttempts, initialInterval, multiplier, maxInterval, jitter, idempotent, retryOnFunctionError,
				RetryBudgetSettings.DEFAULTS);
	}

	/**
	 * Whether a call may make more than one attempt.
	 * @return {@code true} when retrying is enabled with more than one attempt
	 */
	public boolean retries() {
		return this.enabled && this.maxAttempts > 1;
	}

}

package io.github.lambdainvoker.invoke;

import java.time.Duration;

/**
 * Told each time a call is about to be retried, for logging and metrics; also, if it
 * wants, when a retry budget refuses a retry and when a function's retry budget is
 * created.
 */
@FunctionalInterface
public interface InvocationRetryListener {

	/**
	 * Called before the wait that precedes a retry.
	 * @param invocation the invocation being retried
	 * @param failedAttempt the number of the attempt that failed, starting at 1
	 * @param reason why the failure is retried, such as {@code throttled}
	 * @param failure the failure
	 * @param wait how long the call waits before the next attempt
	 */
	void onRetry(PreparedInvocation invocation, int failedAttempt, String reason, LambdaInvocationException failure,
			Duration wait);

	/**
	 * Called when a failure that would have been retried is not, because the function's
	 * retry budget cannot pay for the retry. The call then fails with that failure.
	 * @param invocation the invocation
	 * @param failedAttempt the number of the attempt that failed, starting at 1
	 * @param reason why the failure would have been retried, such as {@code server_error}
	 * @param failure the failure
	 */
	default void onRetryRefused(PreparedInvocation invocation, int failedAttempt, String reason,
			LambdaInvocationException failure) {
	}

	/**
	 * Called once per function key, on its first call, when its retry budget is created.
	 * Not called for functions without a budget or whose calls are not retried.
	 * @param function the function, as resolved for that first call
	 * @param budget the budget, which stays current for the life of the executor
	 */
	default void onBudgetCreated(ResolvedFunction function, RetryBudget budget) {
	}

}

package io.github.lambdainvoker.invoke;

import java.time.Duration;

/**
 * Told each time a call is about to be retried, for logging and metrics.
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

}

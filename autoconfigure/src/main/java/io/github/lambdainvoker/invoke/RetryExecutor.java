package io.github.lambdainvoker.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Runs the attempts of one call within the function's time budget, retrying failed
 * attempts where the function's {@link RetrySettings} allow it.
 */
public interface RetryExecutor {

	/** Makes one attempt only, within the function's timeouts. */
	RetryExecutor SINGLE_ATTEMPT = new RetryExecutor() {

		@Override
		public <R> R execute(PreparedInvocation invocation, Function<InvokeRequest, R> attempt) {
			return attempt.apply(InvocationDeadline.firstRequest(invocation));
		}

		@Override
		public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
				Function<InvokeRequest, CompletableFuture<R>> attempt) {
			try {
				return attempt.apply(InvocationDeadline.firstRequest(invocation));
			}
			catch (LambdaInvocationException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

	};

	/**
	 * Run a call's attempts, blocking.
	 * @param <R> the result type
	 * @param invocation the invocation
	 * @param attempt one attempt: sends the given SDK request and reads the response,
	 * throwing a {@link LambdaInvocationException} on failure
	 * @return the result of the successful attempt
	 */
	<R> R execute(PreparedInvocation invocation, Function<InvokeRequest, R> attempt);

	/**
	 * Run a call's attempts without blocking. Cancelling the returned future starts no
	 * further attempt.
	 * @param <R> the result type
	 * @param invocation the invocation
	 * @param attempt one attempt, completing exceptionally with a
	 * {@link LambdaInvocationException} on failure
	 * @return a future completed with the result of the successful attempt
	 */
	<R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
			Function<InvokeRequest, CompletableFuture<R>> attempt);

}

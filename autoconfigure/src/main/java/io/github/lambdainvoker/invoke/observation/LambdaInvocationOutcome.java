package io.github.lambdainvoker.invoke.observation;

import java.util.concurrent.RejectedExecutionException;

import io.github.lambdainvoker.invoke.LambdaBulkheadFullException;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * How a Lambda call ended, as the {@code outcome} tag reports it.
 */
public enum LambdaInvocationOutcome {

	/** The function ran and returned normally, or Lambda accepted the event. */
	SUCCESS,

	/**
	 * The function ran and failed ({@code X-Amz-Function-Error}), a function timeout
	 * included.
	 */
	FUNCTION_ERROR,

	/** Lambda throttled the call (HTTP 429). */
	THROTTLED,

	/**
	 * The call was refused on the caller's side: a request that failed validation or
	 * could not be written, a Lambda 4xx error other than throttling, or a connection
	 * failure.
	 */
	CLIENT_ERROR,

	/** Lambda failed the call with a 5xx error. */
	SERVER_ERROR,

	/** No response came within the call's timeout or attempt timeout. */
	TIMEOUT,

	/**
	 * The call was not started because a local limit rejected it, such as a full bulkhead
	 * ({@code max-concurrency}).
	 */
	REJECTED;

	/**
	 * Return the outcome of a call.
	 * @param failure the failure the call ended with, or {@code null}
	 * @param response the response it returned, or {@code null}
	 * @return the outcome
	 */
	public static LambdaInvocationOutcome of(@Nullable Throwable failure, @Nullable LambdaResponse<?> response) {
		if (failure == null) {
			return (response != null && response.hasFunctionError()) ? FUNCTION_ERROR : SUCCESS;
		}
		if (failure instanceof LambdaFunctionException) {
			return FUNCTION_ERROR;
		}
		if (failure instanceof LambdaThrottlingException) {
			return THROTTLED;
		}
		if (failure instanceof LambdaTimeoutException) {
			return TIMEOUT;
		}
		if (failure instanceof LambdaServiceException service) {
			return (service.getStatusCode() >= 500) ? SERVER_ERROR : CLIENT_ERROR;
		}
		if (failure instanceof LambdaBulkheadFullException || failure instanceof RejectedExecutionException) {
			return REJECTED;
		}
		return CLIENT_ERROR;
	}

}

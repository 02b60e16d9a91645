package io.github.lambdainvoker.invoke.retry;

import java.util.Set;

import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a failed attempt may be retried and why. By default only failures that
 * cannot have run the function are retried: throttling, Lambda-side errors that Lambda
 * reports before running the function, functions not ready yet, and connections that
 * failed before the request was sent. Failures whose outcome is unknown are retried only
 * for idempotent functions; function errors only when asked for.
 */
final class RetryClassifier {

	/** Reason for a throttled call (HTTP 429). */
	public static final String THROTTLED = "throttled";

	/** Reason for a Lambda service error (HTTP 500, 503 or a temporary 502). */
	public static final String SERVER_ERROR = "server_error";

	/** Reason for a function that is being updated or not ready yet (HTTP 408, 409). */
	public static final String NOT_READY = "not_ready";

	/** Reason for a connection that failed before the request was sent. */
	public static final String CONNECTION_FAILURE = "connection_failure";

	/** Reason for a failure after the request was sent, for idempotent functions. */
	public static final String UNKNOWN_OUTCOME = "unknown_outcome";

	/** Reason for a function error, when retrying those is enabled. */
	public static final String FUNCTION_ERROR = "function_error";

	private static final Set<String> TEMPORARY_502 = Set.of("EC2ThrottledException", "EC2UnexpectedException",
			"ResourceNotReadyException", "ENINotReadyException");

	private static final Set<String> NOT_READY_409 = Set.of("ResourceConflictException", "SnapStartNotReadyException");

	/**
	 * Return why a failure may be retried.
	 * @param failure the failure of an attempt
	 * @param settings the function's retry settings
	 * @return the reason, or {@code null} when the failure must not be retried
	 */
	public @Nullable String retryReason(LambdaInvocationException failure, RetrySettings settings) {
		if (failure instanceof LambdaFunctionException) {
			return settings.retryOnFunctionError() ? FUNCTION_ERROR : null;
		}
		if (failure instanceof LambdaThrottlingException) {
			return THROTTLED;
		}
		if (failure instanceof LambdaServiceException service) {
			return serviceReason(service, settings);
		}
		if (failure instanceof LambdaClientException client) {
			if (!client.isOutcomeUnknown()) {
				return CONNECTION_FAILURE;
			}
			return settings.idempotent() ? UNKNOWN_OUTCOME : null;
		}
		return null;
	}

	private @Nullable String serviceReason(LambdaServiceException failure, RetrySettings settings) {
		int status = failure.getStatusCode();
		String code = failure.getErrorCode();
		if (status == 500 || status == 503 || (status == 502 && TEMPORARY_502.contains(code))) {
			return SERVER_ERROR;
		}
		if (status == 408 || (status == 409 && NOT_READY_409.contains(code))) {
			return NOT_READY;
		}
		if (status == 504 || (status > 500 && status != 502)) {
			// A gateway gave up waiting: Lambda may have run the function.
			return settings.idempotent() ? UNKNOWN_OUTCOME : null;
		}
		return null;
	}

}

package io.github.lambdainvoker.invoke;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Turns what the AWS SDK throws into this library's exception types, keeping the SDK
 * exception as the cause.
 */
final class LambdaExceptionTranslator {

	/** The translator, which holds no state. */
	static final LambdaExceptionTranslator INSTANCE = new LambdaExceptionTranslator();

	/**
	 * Translate a failure of an Invoke call.
	 * @param failure the SDK exception, possibly wrapped by a future
	 * @param functionName the function the call was for
	 * @param qualifier the qualifier the call was for
	 * @return the exception to throw
	 */
	public LambdaInvocationException translate(Throwable failure, String functionName, @Nullable String qualifier) {
		Throwable ex = unwrap(failure);
		if (ex instanceof LambdaInvocationException translated) {
			return translated;
		}
		if (ex instanceof AwsServiceException service) {
			return translateService(service, functionName, qualifier);
		}
		if (ex instanceof ApiCallAttemptTimeoutException || ex instanceof ApiCallTimeoutException) {
			return new LambdaTimeoutException("Call to function "
					+ LambdaInvocationException.describe(functionName, qualifier) + " timed out: " + ex.getMessage(),
					functionName, qualifier, ex);
		}
		boolean notSent = failedBeforeSending(ex);
		if (!notSent && hasCause(ex, java.net.SocketTimeoutException.class)) {
			return new LambdaTimeoutException(
					"No response from function " + LambdaInvocationException.describe(functionName, qualifier)
							+ " within the HTTP read timeout; the function may still be running",
					functionName, qualifier, ex);
		}
		String message = "Call to function " + LambdaInvocationException.describe(functionName, qualifier)
				+ (notSent ? " could not be sent: " : " failed on the network: ") + ex.getMessage();
		return new LambdaClientException(message, functionName, qualifier, !notSent, ex);
	}

	private LambdaServiceException translateService(AwsServiceException ex, String functionName,
			@Nullable String qualifier) {
		AwsErrorDetails details = ex.awsErrorDetails();
		String errorCode = (details != null && details.errorCode() != null) ? details.errorCode()
				: "HTTP" + ex.statusCode();
		String errorMessage = (details != null && details.errorMessage() != null) ? details.errorMessage()
				: ex.getMessage();
		String requestId = ex.requestId();
		int status = ex.statusCode();
		String message = "Lambda refused to invoke function "
				+ LambdaInvocationException.describe(functionName, qualifier) + ": " + errorCode + " (HTTP " + status
				+ "): " + errorMessage;
		if (ex instanceof TooManyRequestsException throttled || status == 429) {
			String reason = (ex instanceof TooManyRequestsException throttled) ? throttled.reasonAsString() : null;
			Duration retryAfter = retryAfter(ex);
			return new LambdaThrottlingException(message + ((reason != null) ? " [" + reason + "]" : ""), functionName,
					qualifier, errorCode, requestId, reason, retryAfter, ex);
		}
		return switch (status) {
			case 400, 415 ->
				new LambdaInvalidRequestException(message, functionName, qualifier, status, errorCode, requestId, ex);
			case 403 ->
				new LambdaAccessDeniedException(message, functionName, qualifier, status, errorCode, requestId, ex);
			case 404 ->
				new LambdaFunctionNotFoundException(message, functionName, qualifier, status, errorCode, requestId, ex);
			case 409 -> new LambdaConflictException(message, functionName, qualifier, status, errorCode, requestId, ex);
			case 413 ->
				new LambdaRequestTooLargeException(message, functionName, qualifier, status, errorCode, requestId, ex);
			default -> (status >= 500)
					? new LambdaServerException(message, functionName, qualifier, status, errorCode, requestId, ex)
					: new LambdaServiceException(message, functionName, qualifier, status, errorCode, requestId, ex);
		};
	}

	private static @Nullable Duration retryAfter(AwsServiceException ex) {
		String value = (ex instanceof TooManyRequestsException throttled) ? throttled.retryAfterSeconds() : null;
		if (value == null && ex.awsErrorDetails() != null && ex.awsErrorDetails().sdkHttpResponse() != null) {
			value = ex.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null);
		}
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		catch (NumberFormatException notSeconds) {
			return null;
		}
	}

	private static boolean failedBeforeSending(Throwable ex) {
		if (ex instanceof AbortedException) {
			return false;
		}
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof ConnectException || current instanceof UnknownHostException
					|| current instanceof NoRouteToHostException) {
				return true;
			}
			String type = current.getClass().getName();
			if (type.endsWith(".ConnectTimeoutException") || type.endsWith(".ConnectionRequestTimeoutException")
					|| type.endsWith(".HttpHostConnectException")) {
				return true;
			}
			String message = current.getMessage();
			if (message != null && (message.contains("Acquire operation took longer")
					|| message.contains("Timeout waiting for connection from pool"))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (type.isInstance(current)) {
				return true;
			}
		}
		return false;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable ex = failure;
		while ((ex instanceof CompletionException || ex instanceof ExecutionException) && ex.getCause() != null) {
			ex = ex.getCause();
		}
		return ex;
	}

}

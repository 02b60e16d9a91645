package io.github.lambdainvoker.local;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * An error of the Invoke API itself, as opposed to an error of the function: rendered as
 * Lambda renders it for the rest-json protocol (status code, {@code X-Amzn-ErrorType}
 * header and a JSON body) so that the AWS SDK raises the matching modeled exception.
 */
final class ApiError extends RuntimeException {

	private final int status;

	private final String code;

	private final @Nullable String reason;

	private final @Nullable Duration retryAfter;

	private ApiError(int status, String code, String message, @Nullable String reason) {
		this(status, code, message, reason, null);
	}

	private ApiError(int status, String code, String message, @Nullable String reason, @Nullable Duration retryAfter) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * Create any error, documented or not.
	 * @param status the status code
	 * @param code the error code, sent as {@code X-Amzn-ErrorType}
	 * @param message the message
	 * @param reason the throttle reason, or {@code null}
	 * @param retryAfter the wait sent as {@code Retry-After}, or {@code null}
	 * @return the error
	 */
	static ApiError of(int status, String code, String message, @Nullable String reason,
			@Nullable Duration retryAfter) {
		return new ApiError(status, code, message, reason, retryAfter);
	}

	static ApiError resourceNotFound(String arn) {
		return new ApiError(404, "ResourceNotFoundException", "Function not found: " + arn, null);
	}

	static ApiError reservedConcurrencyExceeded() {
		return new ApiError(429, "TooManyRequestsException", "Rate Exceeded.",
				"ReservedFunctionConcurrentInvocationLimitExceeded", Duration.ofSeconds(1));
	}

	static ApiError requestTooLarge(int maxBytes) {
		return new ApiError(413, "RequestTooLargeException",
				"Request must be smaller than " + maxBytes + " bytes for the InvokeFunction operation", null);
	}

	static ApiError eventTooLarge(long size, int maxBytes) {
		return new ApiError(413, "RequestEntityTooLargeException",
				size + " byte payload is too large for the Event invocation type (limit " + maxBytes + " bytes)", null);
	}

	static ApiError invalidRequestContent(String message) {
		return new ApiError(400, "InvalidRequestContentException", message, null);
	}

	static ApiError invalidParameterValue(String message) {
		return new ApiError(400, "InvalidParameterValueException", message, null);
	}

	static ApiError validation(String value, String member, String constraint) {
		return new ApiError(400, "ValidationException", "1 validation error detected: Value '" + value + "' at '"
				+ member + "' failed to satisfy constraint: " + constraint, null);
	}

	static ApiError unknownOperation() {
		return new ApiError(404, "UnknownOperationException", "Unknown operation", null);
	}

	static ApiError service(String message) {
		return new ApiError(500, "ServiceException", message, null);
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	/**
	 * Return why a request was throttled, for {@code TooManyRequestsException}.
	 * @return the throttle reason or {@code null}
	 */
	@Nullable String reason() {
		return this.reason;
	}

	/**
	 * Return how long the caller should wait before trying again.
	 * @return the wait, sent in whole seconds, or {@code null}
	 */
	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

}

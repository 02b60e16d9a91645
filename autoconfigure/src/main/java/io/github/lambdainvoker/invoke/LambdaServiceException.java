package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the Lambda API refused or failed the Invoke call, so the function did not
 * run (or, for a server error, may not have run). Subclasses name the common cases.
 */
public class LambdaServiceException extends LambdaInvocationException {

	private final int statusCode;

	private final String errorCode;

	private final @Nullable String requestId;

	public LambdaServiceException(String message, String functionName, @Nullable String qualifier, int statusCode,
			String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, cause);
		this.statusCode = statusCode;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	/**
	 * Return the HTTP status code of the error response.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return Lambda's error code, such as {@code ResourceNotFoundException}.
	 * @return the error code
	 */
	public String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * Return the Lambda request id of the failed call.
	 * @return the request id or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

}

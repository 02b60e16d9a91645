package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * The request payload exceeds Lambda's limit (HTTP 413).
 */
public class LambdaRequestTooLargeException extends LambdaServiceException {

	public LambdaRequestTooLargeException(String message, String functionName, @Nullable String qualifier,
			int statusCode, String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

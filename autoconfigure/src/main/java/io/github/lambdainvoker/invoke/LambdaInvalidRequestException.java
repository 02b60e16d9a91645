package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Lambda rejected the request's parameters or content (HTTP 400 or 415).
 */
public class LambdaInvalidRequestException extends LambdaServiceException {

	public LambdaInvalidRequestException(String message, String functionName, @Nullable String qualifier,
			int statusCode, String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * The caller may not invoke the function, or the function may not reach a resource it
 * needs (HTTP 403).
 */
public class LambdaAccessDeniedException extends LambdaServiceException {

	public LambdaAccessDeniedException(String message, String functionName, @Nullable String qualifier, int statusCode,
			String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

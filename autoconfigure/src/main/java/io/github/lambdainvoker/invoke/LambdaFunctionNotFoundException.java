package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * The function, version or alias does not exist (HTTP 404, `ResourceNotFoundException`).
 */
public class LambdaFunctionNotFoundException extends LambdaServiceException {

	public LambdaFunctionNotFoundException(String message, String functionName, @Nullable String qualifier,
			int statusCode, String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

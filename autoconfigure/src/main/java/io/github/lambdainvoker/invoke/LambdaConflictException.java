package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * The function is being updated or is not ready yet (HTTP 409), for example
 * `ResourceConflictException` or `SnapStartNotReadyException`.
 */
public class LambdaConflictException extends LambdaServiceException {

	public LambdaConflictException(String message, String functionName, @Nullable String qualifier, int statusCode,
			String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

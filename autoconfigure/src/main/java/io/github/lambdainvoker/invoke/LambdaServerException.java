package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Lambda failed to run the function for a reason on its side (HTTP 5xx), for example
 * `ServiceException` or an EC2, ENI or KMS error.
 */
public class LambdaServerException extends LambdaServiceException {

	public LambdaServerException(String message, String functionName, @Nullable String qualifier, int statusCode,
			String errorCode, @Nullable String requestId, @Nullable Throwable cause) {
		super(message, functionName, qualifier, statusCode, errorCode, requestId, cause);
	}

}

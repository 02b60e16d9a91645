package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when no answer arrived in time: a socket read timeout, an attempt timeout or the
 * call's overall timeout. The function may still be running.
 */
public class LambdaTimeoutException extends LambdaClientException {

	public LambdaTimeoutException(String message, String functionName, @Nullable String qualifier,
			@Nullable Throwable cause) {
		super(message, functionName, qualifier, true, cause);
	}

}

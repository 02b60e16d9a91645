package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a payload cannot be written as JSON, or when a response payload cannot be
 * read as the requested type.
 */
public class LambdaPayloadException extends LambdaInvocationException {

	public LambdaPayloadException(String message, String functionName, @Nullable String qualifier,
			@Nullable Throwable cause) {
		super(message, functionName, qualifier, cause);
	}

}

package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Thrown before anything is sent when a request breaks one of Lambda's limits or formats.
 * The message names the function and the limit.
 */
public class LambdaValidationException extends LambdaInvocationException {

	public LambdaValidationException(String message, String functionName, @Nullable String qualifier) {
		super(message, functionName, qualifier, null);
	}

}

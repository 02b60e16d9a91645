package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the call failed on the client side or on the network, so no answer from
 * Lambda was read. {@link #isOutcomeUnknown()} tells whether the request may have reached
 * Lambda and the function may have run.
 */
public class LambdaClientException extends LambdaInvocationException {

	private final boolean outcomeUnknown;

	public LambdaClientException(String message, String functionName, @Nullable String qualifier,
			boolean outcomeUnknown, @Nullable Throwable cause) {
		super(message, functionName, qualifier, cause);
		this.outcomeUnknown = outcomeUnknown;
	}

	/**
	 * Whether the request may have reached Lambda. {@code false} only when the failure
	 * certainly happened before the request was sent, such as a refused connection.
	 * @return {@code true} when the function may have run
	 */
	public boolean isOutcomeUnknown() {
		return this.outcomeUnknown;
	}

}

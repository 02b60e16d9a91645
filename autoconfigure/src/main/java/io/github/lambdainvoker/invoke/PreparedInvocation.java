package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * A request that passed validation, with its payload written and its SDK request built,
 * ready to be sent (and sent again by a retry) without further work.
 *
 * @param function the resolved function
 * @param qualifier the qualifier sent, or the one inline in the name, if any
 * @param invocationType the invocation type
 * @param payloadSize the size of the request payload in bytes
 * @param sdkRequest the SDK request
 */
public record PreparedInvocation(ResolvedFunction function, @Nullable String qualifier, InvocationType invocationType,
		int payloadSize, InvokeRequest sdkRequest) {

	/**
	 * Return the key the function is known by in code.
	 * @return the function key
	 */
	public String functionKey() {
		return this.function.key();
	}

	/**
	 * Return the function name sent to Lambda.
	 * @return the function name
	 */
	public String functionName() {
		return this.function.functionName();
	}

}

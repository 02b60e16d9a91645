package io.github.lambdainvoker.invoke.observation;

import io.github.lambdainvoker.invoke.ResolvedFunction;

/**
 * The value of the {@code function} tag, shared by every meter so that they line up.
 */
final class FunctionTags {

	private FunctionTags() {
	}

	/**
	 * Return the value of the {@code function} tag of a function: its configured key, or,
	 * when code named the function directly, the bare function name, so that an ARN's
	 * account id and region stay off metrics.
	 * @param function the resolved function
	 * @return the tag value
	 */
	static String of(ResolvedFunction function) {
		return function.key().equals(function.functionName()) ? function.reference().name() : function.key();
	}

}

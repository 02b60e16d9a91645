package io.github.lambdainvoker.invoke;

/**
 * Resolves the function key or name used in code to the function's settings.
 */
@FunctionalInterface
public interface FunctionRegistry {

	/** A registry that knows no configuration: every key is a function name. */
	FunctionRegistry NAMES_ONLY = ResolvedFunction::of;

	/**
	 * Resolve a function.
	 * @param function a configured function key or a function name
	 * @param options settings declared in code, which configured per-function settings
	 * override
	 * @return the resolved function
	 * @throws LambdaValidationException if the function cannot be resolved, for example
	 * an invalid name or an unknown key in strict mode
	 */
	ResolvedFunction resolve(String function, FunctionOptions options);

	/**
	 * Resolve a function with no settings declared in code.
	 * @param function a configured function key or a function name
	 * @return the resolved function
	 */
	default ResolvedFunction resolve(String function) {
		return resolve(function, FunctionOptions.NONE);
	}

}

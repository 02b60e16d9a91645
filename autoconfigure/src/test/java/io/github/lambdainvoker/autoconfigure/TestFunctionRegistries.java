package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.FunctionRegistry;

/**
 * The registry the auto-configuration resolves functions with, for tests in other
 * packages that build an invoker by hand.
 */
public final class TestFunctionRegistries {

	private TestFunctionRegistries() {
	}

	/**
	 * Return a registry of the given properties, every function on the invoker's default
	 * route.
	 * @param properties the properties
	 * @return the registry
	 */
	public static FunctionRegistry from(LambdaProperties properties) {
		return new PropertiesFunctionRegistry(properties);
	}

}

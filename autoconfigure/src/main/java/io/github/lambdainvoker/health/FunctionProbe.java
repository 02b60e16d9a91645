package io.github.lambdainvoker.health;

import io.github.lambdainvoker.invoke.ResolvedFunction;

import org.springframework.boot.health.contributor.Health;

/**
 * Checks one function once, within its own short timeout and without retrying.
 */
@FunctionalInterface
interface FunctionProbe {

	/**
	 * Check a function.
	 * @param function the function to check
	 * @return its health; never throws
	 */
	Health check(ResolvedFunction function);

}

package io.github.lambdainvoker.health;

import io.github.lambdainvoker.invoke.ResolvedFunction;

import org.springframework.boot.health.contributor.Health;

/**
 * The details every function's health has: which function was checked.
 */
final class FunctionDetails {

	private FunctionDetails() {
	}

	/**
	 * Start the health of a function, its status still unknown.
	 * @param function the function checked
	 * @return a builder with the function's name and qualifier as details
	 */
	static Health.Builder of(ResolvedFunction function) {
		Health.Builder health = Health.unknown().withDetail("functionName", function.functionName());
		if (function.qualifier() != null) {
			health.withDetail("qualifier", function.qualifier());
		}
		return health;
	}

}

package io.github.lambdainvoker.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One way of making the measured call: a short name used on command lines and in results,
 * what it is, and the call itself. Every contender sends the same order and returns the
 * order it got back.
 *
 * @param name the short name, such as {@code client}
 * @param description what the contender is, for tables
 * @param action the call
 */
public record Contender(String name, String description, Call action) {

	/**
	 * One call of a contender.
	 */
	@FunctionalInterface
	public interface Call {

		/**
		 * Make the call.
		 * @return the order returned
		 */
		@Nullable Object call();

	}

	/**
	 * Make one call.
	 * @return the order returned
	 */
	public @Nullable Object call() {
		return this.action.call();
	}

}

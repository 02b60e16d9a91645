package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Derives the HTTP socket read timeout from the function timeouts, so the HTTP client
 * never cuts off a call that its function is still allowed to run.
 */
final class ReadTimeouts {

	/** Lambda's longest function run, for functions without a configured timeout. */
	static final Duration LONGEST_FUNCTION_RUN = Duration.ofMinutes(15);

	private ReadTimeouts() {
	}

	/**
	 * Return the read timeout to use: the configured one, else the longest configured
	 * bound, else Lambda's longest run.
	 * @param properties the properties
	 * @return the read timeout
	 */
	static Duration readTimeout(LambdaProperties properties) {
		Duration configured = properties.getHttp().getReadTimeout();
		if (configured != null) {
			return configured;
		}
		Duration longest = longestConfigured(properties);
		return (longest != null && boundOf(properties.getDefaults(), null) != null) ? longest : LONGEST_FUNCTION_RUN;
	}

	/**
	 * Return the longest wait for one attempt's response that any configuration allows:
	 * for each function, its attempt timeout, else its timeout.
	 * @param properties the properties
	 * @return the longest bound, or {@code null} when none is configured
	 */
	static @Nullable Duration longestConfigured(LambdaProperties properties) {
		LambdaProperties.Function defaults = properties.getDefaults();
		Duration longest = boundOf(defaults, null);
		for (LambdaProperties.Function function : properties.getFunctions().values()) {
			Duration bound = boundOf(function, defaults);
			if (bound != null && (longest == null || bound.compareTo(longest) > 0)) {
				longest = bound;
			}
		}
		return longest;
	}

	private static @Nullable Duration boundOf(LambdaProperties.Function function,
			LambdaProperties.@Nullable Function defaults) {
		Duration attempt = function.getAttemptTimeout();
		Duration whole = function.getTimeout();
		if (defaults != null) {
			attempt = (attempt != null) ? attempt : defaults.getAttemptTimeout();
			whole = (whole != null) ? whole : defaults.getTimeout();
		}
		if (attempt != null && whole != null) {
			return (attempt.compareTo(whole) < 0) ? attempt : whole;
		}
		return (attempt != null) ? attempt : whole;
	}

}

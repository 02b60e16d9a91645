package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Whether the function itself failed, as reported by the {@code X-Amz-Function-Error}
 * response header.
 */
public enum FunctionError {

	/** The function returned normally. */
	NONE,

	/** The function's code reported the error itself. */
	HANDLED,

	/** The runtime reported the error: an uncaught exception, a timeout or a crash. */
	UNHANDLED;

	/**
	 * Return the function error for the given header value.
	 * @param header the {@code X-Amz-Function-Error} value, or {@code null}
	 * @return the matching function error
	 */
	public static FunctionError fromHeader(@Nullable String header) {
		if (header == null || header.isEmpty()) {
			return NONE;
		}
		return "Handled".equalsIgnoreCase(header) ? HANDLED : UNHANDLED;
	}

}

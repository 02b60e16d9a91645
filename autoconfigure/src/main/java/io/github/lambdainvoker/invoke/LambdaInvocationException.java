package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception a {@link LambdaInvoker} throws. Names the function and
 * qualifier the call was for.
 */
public abstract class LambdaInvocationException extends RuntimeException {

	private final String functionName;

	private final @Nullable String qualifier;

	protected LambdaInvocationException(String message, String functionName, @Nullable String qualifier,
			@Nullable Throwable cause) {
		super(message, cause);
		this.functionName = functionName;
		this.qualifier = qualifier;
	}

	/**
	 * Return the function key or name the call was for.
	 * @return the function
	 */
	public String getFunctionName() {
		return this.functionName;
	}

	/**
	 * Return the qualifier the call was for, if any.
	 * @return the qualifier or {@code null}
	 */
	public @Nullable String getQualifier() {
		return this.qualifier;
	}

	static String describe(String functionName, @Nullable String qualifier) {
		return (qualifier != null) ? "'" + functionName + "' (qualifier '" + qualifier + "')"
				: "'" + functionName + "'";
	}

}

package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception a {@link LambdaInvoker} throws. Names the function and
 * qualifier the call was for.
 */
public abstract class LambdaInvocationException extends RuntimeException {

	private final String functionName;

	private final @Nullable String qualifier;

	/**
	 * Return the message, which names the function and says what went wrong.
	 * @return the message, never {@code null}
	 */
	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (message != null) ? message : getClass().getSimpleName();
	}

	/**
	 * Translate a failure of a call made with the AWS SDK's Lambda client into the
	 * exception this library throws for it: for code that calls the SDK itself and wants
	 * the same exception types as {@link LambdaInvoker} callers get.
	 * @param failure what the SDK threw, or the cause a future completed with
	 * @param function the function that was called
	 * @param qualifier the qualifier that was called, or {@code null}
	 * @return the translated exception
	 */
	public static LambdaInvocationException from(Throwable failure, String function, @Nullable String qualifier) {
		return LambdaExceptionTranslator.INSTANCE.translate(failure, function, qualifier);
	}

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

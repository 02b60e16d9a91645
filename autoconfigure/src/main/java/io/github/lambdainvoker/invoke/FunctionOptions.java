package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Optional invocation settings declared in code, such as the attributes of a
 * {@code @LambdaFunction} annotation. Configured properties for the function take
 * precedence over them; the configured defaults give way to them.
 *
 * @param qualifier the version or alias, or {@code null}
 * @param invocationType the invocation type, or {@code null}
 * @param logType the log type, or {@code null}
 */
public record FunctionOptions(@Nullable String qualifier, @Nullable InvocationType invocationType,
		@Nullable LogType logType) {

	/** No options declared. */
	public static final FunctionOptions NONE = new FunctionOptions(null, null, null);

}

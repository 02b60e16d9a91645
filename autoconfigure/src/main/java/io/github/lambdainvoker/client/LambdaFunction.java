package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdainvoker.invoke.InvocationType;

import org.springframework.core.annotation.AliasFor;

/**
 * Names the function a method of a {@link LambdaClient @LambdaClient} interface invokes,
 * and how. Attributes left empty fall back to the interface's {@code @LambdaClient};
 * configured properties of the function ({@code aws.lambda.functions.<key>}) override
 * both.
 *
 * <pre class="code">
 * &#64;LambdaFunction(value = "audit", invocationType = InvocationType.EVENT)
 * void audit(AuditEvent event);
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LambdaFunction {

	/**
	 * Alias for {@link #function()}.
	 * @return the function key
	 */
	@AliasFor("function")
	String value() default "";

	/**
	 * Function key under {@code aws.lambda.functions}; when no such entry exists, the
	 * function name itself (a name, {@code name:alias} or an ARN).
	 * @return the function key, empty to use the interface's
	 */
	@AliasFor("value")
	String function() default "";

	/**
	 * Version or alias to invoke.
	 * @return the qualifier, empty to use the interface's
	 */
	String qualifier() default "";

	/**
	 * Invocation type: at most one value, written
	 * {@code invocationType = InvocationType.EVENT}.
	 * @return the invocation type, empty to use the interface's
	 */
	InvocationType[] invocationType() default {};

}

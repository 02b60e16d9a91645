package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdainvoker.invoke.InvocationType;

import org.springframework.core.annotation.AliasFor;

/**
 * Marks an interface whose methods invoke Lambda functions. Such interfaces in the
 * application's packages become beans without further configuration; see
 * {@link EnableLambdaClients} to choose them explicitly.
 * <p>
 * The attributes are defaults for every method of the interface; the method's
 * {@link LambdaFunction @LambdaFunction} overrides them and the configuration properties
 * of the function override both.
 *
 * <pre class="code">
 * &#64;LambdaClient
 * public interface PricingFunctions {
 *
 *     &#64;LambdaFunction("pricing")
 *     Quote quote(QuoteRequest request);
 *
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LambdaClient {

	/**
	 * Alias for {@link #function()}.
	 * @return the default function key
	 */
	@AliasFor("function")
	String value() default "";

	/**
	 * Function key (under {@code aws.lambda.functions}) or function name that methods
	 * without a function of their own invoke.
	 * @return the default function key, empty for none
	 */
	@AliasFor("value")
	String function() default "";

	/**
	 * Version or alias that methods invoke unless they name their own.
	 * @return the default qualifier, empty for none
	 */
	String qualifier() default "";

	/**
	 * Invocation type of methods that do not name their own: at most one value, written
	 * {@code invocationType = InvocationType.EVENT}.
	 * @return the default invocation type, empty for Lambda's default
	 */
	InvocationType[] invocationType() default {};

}

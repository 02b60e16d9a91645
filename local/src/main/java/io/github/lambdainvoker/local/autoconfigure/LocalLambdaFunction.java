package io.github.lambdainvoker.local.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code RequestHandler} or {@code RequestStreamHandler} bean as the handler of a
 * function that the local Lambda emulator serves when {@code aws.lambda.local.enabled} is
 * {@code true}. Put it on the handler class or on its {@code @Bean} method; the
 * function's settings come from {@code aws.lambda.local.functions.<name>.*}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LocalLambdaFunction {

	/**
	 * Return the name of the function.
	 * @return the function name
	 */
	String value();

}

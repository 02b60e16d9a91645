package io.github.lambdainvoker.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdainvoker.test.MockLambdaServer;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Annotation for a test class that starts a {@link MockLambdaServer} bean and points the
 * auto-configured Lambda clients at it, with static test credentials. Implied by
 * {@link LambdaClientTest @LambdaClientTest}; on a {@code @SpringBootTest}, it replaces
 * Lambda in a full application context.
 * <p>
 * Each test class gets an application context, and so a server, of its own, so that test
 * classes running in parallel never see each other's calls. The server is
 * {@link MockLambdaServer#reset() reset} after each test method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("aws.lambda.test.mock-server")
public @interface AutoConfigureMockLambdaServer {

	/**
	 * Whether to start the mock server and point the Lambda clients at it.
	 * @return whether the mock server is enabled
	 */
	boolean enabled() default true;

}

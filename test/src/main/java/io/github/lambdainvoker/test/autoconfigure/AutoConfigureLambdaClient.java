package io.github.lambdainvoker.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Annotation for a test class that imports the auto-configuration of the
 * {@code LambdaInvoker}, the {@code @LambdaClient} interfaces and their observation, as
 * {@link LambdaClientTest @LambdaClientTest} does; health contributors are left out.
 * Metrics need Boot's {@code @AutoConfigureMetrics} besides, as in any slice.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureLambdaClient {

}

package io.github.lambdainvoker.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Annotation for a test of code that calls Lambda, which loads only what that code needs:
 * the {@code LambdaInvoker} and {@code @LambdaClient} auto-configuration with the
 * application's {@code aws.lambda.*} properties, Jackson, the application's
 * {@code @LambdaClient} interfaces (or the given ones), the given components and a
 * {@link MockLambdaServer} bean that the Lambda clients call, with static test
 * credentials. No web server, actuator or other auto-configuration starts; add Boot's
 * {@code @AutoConfigureMetrics} for the Lambda meters.
 *
 * <pre class="code">
 * &#64;LambdaClientTest(OrderService.class)
 * class OrderServiceTests {
 *
 *     &#64;Autowired
 *     OrderService orders;
 *
 *     &#64;Autowired
 *     MockLambdaServer lambda;
 *
 *     &#64;Test
 *     void priceIsRetriedWhenThrottled() {
 *         this.lambda.expect(invocationOf("pricing").times(2)).andRespond(throttle(), result(quote));
 *         assertThat(this.orders.price("book", 2, null)).isEqualTo(quote);
 *         this.lambda.verify();
 *     }
 *
 * }
 * </pre>
 *
 * Each test class gets its own application context and server; the server is reset after
 * each test method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(LambdaClientTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(LambdaClientTypeExcludeFilter.class)
@AutoConfigureJson
@AutoConfigureLambdaClient
@AutoConfigureMockLambdaServer
@ImportAutoConfiguration
@Import(LambdaClientTestClientsRegistrar.class)
public @interface LambdaClientTest {

	/**
	 * Properties in form {@literal key=value} to add to the environment before the test
	 * runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Alias for {@link #components()}.
	 * @return the components to test
	 */
	@AliasFor("components")
	Class<?>[] value() default {};

	/**
	 * Components to load, such as the service under test. May be left empty when the test
	 * uses the Lambda clients directly or imports its components itself.
	 * @return the components to test
	 */
	@AliasFor("value")
	Class<?>[] components() default {};

	/**
	 * {@code @LambdaClient} interfaces to load; empty for all those in the application's
	 * packages.
	 * @return the client interfaces
	 */
	Class<?>[] clients() default {};

	/**
	 * Whether component scanning keeps, besides the given components, the Jackson
	 * components and modules it finds, as the application would.
	 * @return whether to apply the default filters
	 */
	boolean useDefaultFilters() default true;

	/**
	 * Filters that add components that would otherwise be left out.
	 * @return the include filters
	 */
	ComponentScan.Filter[] includeFilters() default {};

	/**
	 * Filters that leave out components that would otherwise be loaded.
	 * @return the exclude filters
	 */
	ComponentScan.Filter[] excludeFilters() default {};

	/**
	 * Auto-configurations to leave out of this test.
	 * @return the auto-configurations to exclude
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}

package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Registers {@link LambdaClient @LambdaClient} interfaces as beans from the given
 * packages and classes, and turns off the automatic registration of the interfaces in the
 * application's packages. Without attributes, scans the package of the annotated class.
 *
 * <pre class="code">
 * &#64;Configuration
 * &#64;EnableLambdaClients(basePackageClasses = PricingFunctions.class, clients = AuditFunctions.class)
 * class LambdaClientsConfiguration {
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(LambdaClientsRegistrar.class)
public @interface EnableLambdaClients {

	/**
	 * Alias for {@link #basePackages()}.
	 * @return the packages to scan
	 */
	@AliasFor("basePackages")
	String[] value() default {};

	/**
	 * Packages, with their sub-packages, to scan for {@code @LambdaClient} interfaces.
	 * @return the packages to scan
	 */
	@AliasFor("value")
	String[] basePackages() default {};

	/**
	 * Classes whose packages, with their sub-packages, are scanned for
	 * {@code @LambdaClient} interfaces: a type-safe alternative to
	 * {@link #basePackages()}.
	 * @return the classes marking the packages to scan
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * Interfaces to register, whether annotated with {@code @LambdaClient} or not.
	 * @return the client interfaces
	 */
	Class<?>[] clients() default {};

}

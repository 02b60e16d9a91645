package io.github.lambdainvoker.autoconfigure;

import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

/**
 * Callback that adjusts the builder of every {@code LambdaClient} and
 * {@code LambdaAsyncClient} the starter builds, one per route (region, endpoint,
 * credentials), after the route's settings have been applied. Beans of this type are
 * applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface LambdaClientCustomizer {

	/**
	 * Customize the given builder, which is either a {@code LambdaClientBuilder} or a
	 * {@code LambdaAsyncClientBuilder}.
	 * @param builder the builder to customize
	 */
	void customize(LambdaBaseClientBuilder<?, ?> builder);

}

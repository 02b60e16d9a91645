package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

/**
 * Applies a route's region, endpoint and credentials, then the
 * {@link LambdaClientCustomizer} beans, to the SDK's sync and async client builders
 * alike, for every client the starter builds.
 */
final class LambdaClientBuilderConfigurer {

	private final List<LambdaClientCustomizer> customizers;

	LambdaClientBuilderConfigurer(List<LambdaClientCustomizer> customizers) {
		this.customizers = customizers;
	}

	<B extends LambdaBaseClientBuilder<B, ?>> B configure(B builder, RouteKey route,
			@Nullable AwsCredentialsProvider credentialsProvider) {
		String region = route.region();
		if (region != null) {
			builder.region(Region.of(region));
		}
		URI endpoint = route.endpoint();
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		if (credentialsProvider != null) {
			builder.credentialsProvider(credentialsProvider);
		}
		// Retrying is the starter's job: one SDK attempt, so attempts never multiply.
		builder.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
		for (LambdaClientCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

}

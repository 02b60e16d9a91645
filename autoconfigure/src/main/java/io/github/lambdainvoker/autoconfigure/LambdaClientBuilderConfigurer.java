package io.github.lambdainvoker.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

/**
 * Applies the {@code aws.lambda.*} properties, then the {@link LambdaClientCustomizer}
 * beans, to the SDK's sync and async client builders alike.
 */
final class LambdaClientBuilderConfigurer {

	private final LambdaProperties properties;

	private final @Nullable AwsCredentialsProvider credentialsProvider;

	private final List<LambdaClientCustomizer> customizers;

	LambdaClientBuilderConfigurer(LambdaProperties properties, @Nullable AwsCredentialsProvider credentialsProvider,
			List<LambdaClientCustomizer> customizers) {
		this.properties = properties;
		this.credentialsProvider = credentialsProvider;
		this.customizers = customizers;
	}

	<B extends LambdaBaseClientBuilder<B, ?>> B configure(B builder) {
		if (this.properties.getRegion() != null) {
			builder.region(Region.of(this.properties.getRegion()));
		}
		if (this.properties.getEndpoint() != null) {
			builder.endpointOverride(this.properties.getEndpoint());
		}
		if (this.credentialsProvider != null) {
			builder.credentialsProvider(this.credentialsProvider);
		}
		// Retrying is the starter's job: one SDK attempt, so attempts never multiply.
		builder.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()));
		for (LambdaClientCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

}

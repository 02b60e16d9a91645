package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.test.MockLambdaServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

import org.springframework.core.Ordered;

/**
 * Points the auto-configured Lambda clients at a {@link MockLambdaServer}: endpoint
 * override, static test credentials (the server checks no signature, and tests need no
 * AWS account) and {@code us-east-1} unless {@code aws.lambda.region} is set. Applied
 * after the other customizers, so that its endpoint wins.
 */
final class MockLambdaServerClientCustomizer implements LambdaClientCustomizer, Ordered {

	static final String REGION_PROPERTY = "aws.lambda.region";

	private final MockLambdaServer server;

	private final boolean keepRegion;

	MockLambdaServerClientCustomizer(MockLambdaServer server, boolean keepRegion) {
		this.server = server;
		this.keepRegion = keepRegion;
	}

	@Override
	public void customize(LambdaBaseClientBuilder<?, ?> builder) {
		builder.endpointOverride(this.server.endpoint());
		builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
		if (!this.keepRegion) {
			builder.region(Region.US_EAST_1);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

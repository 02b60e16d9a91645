package io.github.lambdainvoker.local.autoconfigure;

import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.local.LocalLambda;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

import org.springframework.core.Ordered;

/**
 * Points the starter's Lambda clients at the local emulator: endpoint override, dummy
 * static credentials (the emulator checks no signature, and the machine may have no AWS
 * credentials) and the emulator's region unless {@code aws.lambda.region} is set. Applied
 * after the other customizers, so that it wins over their endpoint.
 */
public final class LocalLambdaClientCustomizer implements LambdaClientCustomizer, Ordered {

	private final LocalLambda lambda;

	private final boolean keepRegion;

	/**
	 * Create a customizer.
	 * @param lambda the running emulator
	 * @param keepRegion whether the builder's region is already configured and stays
	 */
	public LocalLambdaClientCustomizer(LocalLambda lambda, boolean keepRegion) {
		this.lambda = lambda;
		this.keepRegion = keepRegion;
	}

	@Override
	public void customize(LambdaBaseClientBuilder<?, ?> builder) {
		builder.endpointOverride(this.lambda.endpoint());
		builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
		if (!this.keepRegion) {
			builder.region(Region.of(this.lambda.region()));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}

package io.github.lambdainvoker.local;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Real SDK clients for tests: one attempt per call, dummy credentials.
 */
final class TestLambdaClients {

	private TestLambdaClients() {
	}

	static LambdaClient create(URI endpoint) {
		return LambdaClient.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	static SdkBytes json(String json) {
		return SdkBytes.fromUtf8String(json);
	}

}

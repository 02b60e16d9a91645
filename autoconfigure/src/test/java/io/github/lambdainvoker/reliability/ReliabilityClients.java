package io.github.lambdainvoker.reliability;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SDK clients for the reliability suites: a small connection pool, so that a leaked
 * connection shows, and a {@link MetricPublisher} that reports the pool's figures.
 */
final class ReliabilityClients {

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

	private ReliabilityClients() {
	}

	static LambdaClient sync(String endpoint, int maxConnections, MetricPublisher metrics) {
		return LambdaClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(Apache5HttpClient.builder()
				.socketTimeout(Duration.ofSeconds(5))
				.maxConnections(maxConnections)
				.connectionAcquisitionTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration(
					(config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()).addMetricPublisher(metrics))
			.build();
	}

	static LambdaAsyncClient async(String endpoint, int maxConnections, MetricPublisher metrics) {
		return LambdaAsyncClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.readTimeout(Duration.ofSeconds(5))
				.maxConcurrency(maxConnections)
				.connectionAcquisitionTimeout(Duration.ofSeconds(2)))
			.overrideConfiguration(
					(config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()).addMetricPublisher(metrics))
			.build();
	}

}

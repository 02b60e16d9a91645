package io.github.lambdainvoker.invoke;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * SDK clients and invokers pointed at a local endpoint, for wire tests.
 */
public final class TestLambdaClients {

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

	private TestLambdaClients() {
	}

	public static LambdaClient sync(String endpoint) {
		return sync(endpoint, Duration.ofSeconds(10));
	}

	public static LambdaClient sync(String endpoint, Duration readTimeout) {
		return LambdaClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(Apache5HttpClient.builder().socketTimeout(readTimeout))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	public static LambdaAsyncClient async(String endpoint) {
		return LambdaAsyncClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().readTimeout(Duration.ofSeconds(10)))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
	}

	public static DefaultLambdaInvoker invoker(LambdaClient client, LambdaAsyncClient asyncClient) {
		return DefaultLambdaInvoker.builder(client).asyncClient(asyncClient).asyncExecutor(directExecutor()).build();
	}

	public static DefaultLambdaInvoker invoker(LambdaClient client, @Nullable LambdaAsyncClient asyncClient,
			FunctionRegistry functionRegistry, RetryExecutor retryExecutor, InvocationObserver observer) {
		return DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.asyncExecutor(directExecutor())
			.functionRegistry(functionRegistry)
			.retryExecutor(retryExecutor)
			.observer(observer)
			.build();
	}

	public static DefaultLambdaInvoker invoker(LambdaClient client) {
		return DefaultLambdaInvoker.builder(client).asyncExecutor(directExecutor()).build();
	}

	private static Executor directExecutor() {
		return (task) -> new Thread(task, "test-lambda-invoker").start();
	}

	public static String decodeClientContext(String headerValue) {
		return ClientContextEncoder.decode(headerValue);
	}

}

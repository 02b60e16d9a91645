package io.github.lambdainvoker.benchmarks;

import java.net.URI;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.lambda.AWSLambda;
import com.amazonaws.services.lambda.AWSLambdaClientBuilder;
import com.amazonaws.services.lambda.invoke.LambdaInvokerFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * The SDK clients of the contenders that do not use the starter, built the way a careful
 * user would build them, with each SDK's defaults.
 */
public final class SdkClients {

	static final String ACCESS_KEY = "AKIDEXAMPLE";

	static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

	/** Fixed credentials, so that every contender signs its requests the same way. */
	public static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));

	private SdkClients() {
	}

	/**
	 * Build an SDK v2 client with the SDK's defaults.
	 * @param endpoint the endpoint
	 * @param httpClient the HTTP client, or {@code null} for Apache HttpClient 5 with its
	 * defaults
	 * @return the client
	 */
	public static LambdaClient sdkV2Defaults(URI endpoint, @Nullable SdkHttpClient httpClient) {
		LambdaClientBuilder builder = LambdaClient.builder()
			.region(Region.US_EAST_1)
			.endpointOverride(endpoint)
			.credentialsProvider(CREDENTIALS);
		if (httpClient != null) {
			builder.httpClient(httpClient);
		}
		else {
			builder.httpClientBuilder(Apache5HttpClient.builder());
		}
		return builder.build();
	}

	/**
	 * Build the SDK v1 client with its defaults.
	 * @param endpoint the endpoint
	 * @return the client
	 */
	public static AWSLambda sdkV1(URI endpoint) {
		return AWSLambdaClientBuilder.standard()
			.withEndpointConfiguration(new EndpointConfiguration(endpoint.toString(), "us-east-1"))
			.withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
			.build();
	}

	/**
	 * Build the SDK v1 invoker factory's proxy.
	 * @param client the SDK v1 client
	 * @return the proxy
	 */
	public static V1OrderFunctions sdkV1Functions(AWSLambda client) {
		return LambdaInvokerFactory.builder().lambdaClient(client).build(V1OrderFunctions.class);
	}

}

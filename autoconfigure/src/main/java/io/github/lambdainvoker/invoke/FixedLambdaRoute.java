package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A {@link LambdaRoute} over clients built beforehand, such as those given to an invoker.
 *
 * @param client the synchronous client
 * @param asyncClient the asynchronous client, or {@code null}
 * @param region the region of the synchronous client, or {@code null} when not known
 */
record FixedLambdaRoute(LambdaClient client, @Nullable LambdaAsyncClient asyncClient,
		@Nullable String region) implements LambdaRoute {

	FixedLambdaRoute(LambdaClient client, @Nullable LambdaAsyncClient asyncClient) {
		this(client, asyncClient, regionOf(client));
	}

	/**
	 * Return the region a client was built for, without failing for clients that do not
	 * say, such as test doubles.
	 * @param client the client
	 * @return the region id, or {@code null}
	 */
	static @Nullable String regionOf(SdkClient client) {
		try {
			if (client.serviceClientConfiguration() instanceof AwsServiceClientConfiguration configuration) {
				Region region = configuration.region();
				return (region != null) ? region.id() : null;
			}
		}
		catch (RuntimeException ex) {
			// Not a client built by the SDK.
		}
		return null;
	}

}

package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The SDK clients that carry the calls of a function: those of its region, endpoint and
 * credentials. A {@link ResolvedFunction} with a route is called through it; one without
 * goes through the invoker's own clients. Implementations are thread-safe.
 */
public interface LambdaRoute {

	/**
	 * Return the synchronous client.
	 * @return the client
	 */
	LambdaClient client();

	/**
	 * Return the asynchronous client, which may be built on the first call of this
	 * method.
	 * @return the client, or {@code null} when there is none, in which case asynchronous
	 * calls run the synchronous client on a thread of their own
	 */
	@Nullable LambdaAsyncClient asyncClient();

	/**
	 * Return the region the clients send to and sign for.
	 * @return the region id, such as {@code eu-west-1}, or {@code null} when not known
	 */
	@Nullable String region();

}

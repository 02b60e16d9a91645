package io.github.lambdainvoker.autoconfigure;

import java.util.function.Supplier;

import io.github.lambdainvoker.invoke.LambdaRoute;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A route whose synchronous client exists from the start and whose asynchronous client is
 * built on first use, once, whichever thread asks first. Closes the clients it owns.
 */
final class ClientRoute implements LambdaRoute {

	private final LambdaClient client;

	private final boolean ownsClient;

	private final @Nullable String region;

	private final @Nullable Supplier<LambdaAsyncClient> asyncClientFactory;

	private volatile @Nullable LambdaAsyncClient asyncClient;

	private boolean closed;

	/**
	 * Create a route.
	 * @param client the synchronous client
	 * @param ownsClient whether closing the route closes the synchronous client
	 * @param region the region the clients are for, or {@code null} when not known
	 * @param asyncClient an asynchronous client built elsewhere, which the route never
	 * closes, or {@code null}
	 * @param asyncClientFactory builds the asynchronous client on first use when none is
	 * given, or {@code null} when there can be none
	 */
	ClientRoute(LambdaClient client, boolean ownsClient, @Nullable String region,
			@Nullable LambdaAsyncClient asyncClient, @Nullable Supplier<LambdaAsyncClient> asyncClientFactory) {
		this.client = client;
		this.ownsClient = ownsClient;
		this.region = region;
		this.asyncClient = asyncClient;
		this.asyncClientFactory = (asyncClient != null) ? null : asyncClientFactory;
	}

	@Override
	public LambdaClient client() {
		return this.client;
	}

	@Override
	public @Nullable LambdaAsyncClient asyncClient() {
		LambdaAsyncClient asyncClient = this.asyncClient;
		if (asyncClient != null || this.asyncClientFactory == null) {
			return asyncClient;
		}
		synchronized (this) {
			if (this.closed) {
				throw new IllegalStateException("The Lambda clients are closed: the application context is closing");
			}
			asyncClient = this.asyncClient;
			if (asyncClient == null) {
				asyncClient = this.asyncClientFactory.get();
				this.asyncClient = asyncClient;
			}
			return asyncClient;
		}
	}

	/**
	 * Say whether the asynchronous client has been built or given.
	 * @return whether there is an asynchronous client
	 */
	boolean hasAsyncClient() {
		return this.asyncClient != null;
	}

	@Override
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * Close the clients the route owns: an asynchronous client it built, and the
	 * synchronous one when it owns it.
	 */
	void close() {
		LambdaAsyncClient asyncClient;
		synchronized (this) {
			this.closed = true;
			asyncClient = (this.asyncClientFactory != null) ? this.asyncClient : null;
		}
		if (asyncClient != null) {
			asyncClient.close();
		}
		if (this.ownsClient) {
			this.client.close();
		}
	}

	@Override
	public String toString() {
		return "ClientRoute[region=" + this.region + "]";
	}

}

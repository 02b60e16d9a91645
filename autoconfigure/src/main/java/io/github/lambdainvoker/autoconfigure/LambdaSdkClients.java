package io.github.lambdainvoker.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.ClassUtils;

/**
 * Builds the starter's Lambda SDK clients for a route: the HTTP client from the
 * properties, the route's region, endpoint and credentials, then the customizers. Owns
 * what the clients share and must outlive them: the credentials providers it creates (one
 * per source, so that a role's sessions are shared by its sync and async clients) and the
 * Netty event loop of the asynchronous clients. Closes them when the context closes,
 * after the clients, which their owners close.
 */
final class LambdaSdkClients implements DisposableBean {

	static final String NETTY_HTTP_CLIENT = "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient";

	private static final Log logger = LogFactory.getLog(LambdaSdkClients.class);

	private final LambdaProperties properties;

	private final RoutePlanner planner;

	private final @Nullable AwsCredentialsProvider applicationCredentials;

	private final LambdaClientBuilderConfigurer configurer;

	private final boolean apache5Present;

	private final boolean nettyPresent;

	private final Map<CredentialsSource, AwsCredentialsProvider> credentials = new LinkedHashMap<>();

	private final List<SdkAutoCloseable> owned = new ArrayList<>();

	private @Nullable NettyEventLoop eventLoop;

	private boolean closed;

	/**
	 * Create the builder of clients.
	 * @param properties the properties
	 * @param planner the planner of routes, whose checks have passed
	 * @param applicationCredentials the application's credentials provider, or
	 * {@code null} for the SDK's default chain
	 * @param customizers the customizers, in order
	 * @param classLoader the class loader to look for optional HTTP clients with
	 */
	LambdaSdkClients(LambdaProperties properties, RoutePlanner planner,
			@Nullable AwsCredentialsProvider applicationCredentials, List<LambdaClientCustomizer> customizers,
			ClassLoader classLoader) {
		this.properties = properties;
		this.planner = planner;
		this.applicationCredentials = applicationCredentials;
		this.configurer = new LambdaClientBuilderConfigurer(customizers);
		this.apache5Present = ClassUtils.isPresent(LambdaRuntimeHints.APACHE5_HTTP_CLIENT, classLoader);
		this.nettyPresent = ClassUtils.isPresent(NETTY_HTTP_CLIENT, classLoader);
	}

	RoutePlanner planner() {
		return this.planner;
	}

	/**
	 * Build the synchronous client of the default route.
	 * @return the client
	 */
	LambdaClient defaultClient() {
		return client(this.planner.defaultKey());
	}

	/**
	 * Build a synchronous client.
	 * @param route what the client is for
	 * @return the client, which the caller closes
	 */
	LambdaClient client(RouteKey route) {
		LambdaClientBuilder builder = LambdaClient.builder();
		if (this.apache5Present) {
			builder.httpClientBuilder(LambdaHttpClients.apache5(this.properties));
		}
		return LambdaSdkClientFactory.build(this.configurer.configure(builder, route, credentialsProvider(route)));
	}

	/**
	 * Say whether asynchronous clients can be built: the Netty HTTP client is present.
	 * @return whether {@link #asyncClient(RouteKey)} builds clients
	 */
	boolean asyncSupported() {
		return this.nettyPresent;
	}

	/**
	 * Build an asynchronous client on the shared event loop, starting it if this is the
	 * first.
	 * @param route what the client is for
	 * @return the client, which the caller closes
	 * @throws IllegalStateException if the Netty HTTP client is absent or the context is
	 * closed
	 */
	LambdaAsyncClient asyncClient(RouteKey route) {
		if (!this.nettyPresent) {
			throw new IllegalStateException("The Netty HTTP client (software.amazon.awssdk:netty-nio-client) is "
					+ "needed for asynchronous Lambda clients");
		}
		NettyEventLoop eventLoop = eventLoop();
		return LambdaSdkClientFactory.build(this.configurer.configure(
				LambdaAsyncClient.builder()
					.httpClientBuilder(LambdaHttpClients.netty(this.properties, eventLoop.group())),
				route, credentialsProvider(route)));
	}

	private synchronized NettyEventLoop eventLoop() {
		checkOpen();
		NettyEventLoop eventLoop = this.eventLoop;
		if (eventLoop == null) {
			eventLoop = new NettyEventLoop();
			this.eventLoop = eventLoop;
		}
		return eventLoop;
	}

	private synchronized @Nullable AwsCredentialsProvider credentialsProvider(RouteKey route) {
		checkOpen();
		CredentialsSource source = route.credentials();
		if (source instanceof CredentialsSource.Application) {
			return this.applicationCredentials;
		}
		AwsCredentialsProvider provider = this.credentials.get(source);
		if (provider == null) {
			provider = createCredentialsProvider(source, route);
			this.credentials.put(source, provider);
		}
		return provider;
	}

	private AwsCredentialsProvider createCredentialsProvider(CredentialsSource source, RouteKey route) {
		if (source instanceof CredentialsSource.Profile profile) {
			return own(ProfileCredentialsProvider.builder().profileName(profile.name()).build());
		}
		CredentialsSource.Role role = (CredentialsSource.Role) source;
		AwsCredentialsProvider base = this.applicationCredentials;
		if (base == null) {
			base = own(DefaultCredentialsProvider.builder().build());
		}
		return own(StsRoleCredentials.provider(role, route.region(), base));
	}

	private <T extends SdkAutoCloseable> T own(T closeable) {
		this.owned.add(closeable);
		return closeable;
	}

	private void checkOpen() {
		if (this.closed) {
			throw new IllegalStateException("The Lambda clients are closed: the application context is closing");
		}
	}

	@Override
	public void destroy() {
		NettyEventLoop eventLoop;
		List<SdkAutoCloseable> owned;
		synchronized (this) {
			this.closed = true;
			eventLoop = this.eventLoop;
			owned = new ArrayList<>(this.owned);
			this.owned.clear();
		}
		if (eventLoop != null) {
			eventLoop.shutdown(this.properties.getHttp().getShutdownQuietPeriod());
		}
		for (SdkAutoCloseable closeable : owned) {
			try {
				closeable.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not close " + closeable, ex);
			}
		}
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import io.github.lambdainvoker.invoke.FunctionReference;
import io.github.lambdainvoker.invoke.LambdaRoute;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaServiceClientConfiguration;

import org.springframework.beans.factory.DisposableBean;

/**
 * The routes of the functions: one per distinct region, endpoint and credentials, shared
 * by every function that needs the same. The default route's synchronous client is the
 * {@code LambdaClient} bean and its asynchronous client the {@code LambdaAsyncClient}
 * bean, if the application defines one; every other client is built here, the synchronous
 * ones of configured functions at start-up, the asynchronous ones on first use, and
 * closed when the context closes. Functions are given their route when they are resolved,
 * so that a call does no lookup.
 */
final class LambdaRoutes implements DisposableBean {

	private static final Log logger = LogFactory.getLog(LambdaRoutes.class);

	private final LambdaSdkClients sdkClients;

	private final RoutePlanner planner;

	private final RouteKey defaultKey;

	private final ClientRoute defaultRoute;

	private final ConcurrentMap<RouteKey, ClientRoute> routes = new ConcurrentHashMap<>();

	private boolean closed;

	/**
	 * Create the routes and the synchronous clients of the configured functions.
	 * @param sdkClients the builder of clients
	 * @param properties the properties
	 * @param defaultClient the synchronous client of the default route
	 * @param defaultAsyncClient the application's asynchronous client for the default
	 * route, or {@code null} to build one on first use
	 */
	LambdaRoutes(LambdaSdkClients sdkClients, LambdaProperties properties, LambdaClient defaultClient,
			@Nullable LambdaAsyncClient defaultAsyncClient) {
		this.sdkClients = sdkClients;
		this.planner = sdkClients.planner();
		RouteKey planned = this.planner.defaultKey();
		String region = regionOf(defaultClient);
		// The region the SDK's chain or a customizer chose is the default's, so that an
		// ARN naming it shares the default client.
		this.defaultKey = (region != null) ? planned.withRegion(region) : planned;
		this.defaultRoute = new ClientRoute(defaultClient, false, this.defaultKey.region(), defaultAsyncClient,
				asyncClientFactory(this.defaultKey));
		this.routes.put(this.defaultKey, this.defaultRoute);
		for (Map.Entry<String, LambdaProperties.Function> entry : properties.getFunctions().entrySet()) {
			LambdaProperties.Function function = entry.getValue();
			String name = (function.getFunctionName() != null) ? function.getFunctionName() : entry.getKey();
			routeOf(function, FunctionReference.parse(name));
		}
	}

	/**
	 * Return the route of functions that set no region, endpoint or credentials of their
	 * own.
	 * @return the default route
	 */
	LambdaRoute defaultRoute() {
		return this.defaultRoute;
	}

	/**
	 * Return the route of a function, building its synchronous client if no function
	 * needed the same route before.
	 * @param function the function's configured settings, or {@code null} for a function
	 * code names without configuring it
	 * @param reference the function name sent to Lambda
	 * @return the route
	 */
	LambdaRoute routeOf(LambdaProperties.@Nullable Function function, FunctionReference reference) {
		RouteKey key = this.planner.keyOf(function, reference);
		if (key.region() == null) {
			key = key.withRegion(this.defaultKey.region());
		}
		ClientRoute route = this.routes.get(key);
		return (route != null) ? route : create(key);
	}

	private synchronized ClientRoute create(RouteKey key) {
		if (this.closed) {
			throw new IllegalStateException("The Lambda clients are closed: the application context is closing");
		}
		return this.routes.computeIfAbsent(key, (route) -> new ClientRoute(this.sdkClients.client(route), true,
				route.region(), null, asyncClientFactory(route)));
	}

	private @Nullable Supplier<LambdaAsyncClient> asyncClientFactory(RouteKey key) {
		return this.sdkClients.asyncSupported() ? () -> this.sdkClients.asyncClient(key) : null;
	}

	@Override
	public void destroy() {
		synchronized (this) {
			this.closed = true;
		}
		for (ClientRoute route : this.routes.values()) {
			try {
				route.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not close the Lambda clients of " + route, ex);
			}
		}
	}

	private static @Nullable String regionOf(LambdaClient client) {
		try {
			LambdaServiceClientConfiguration configuration = client.serviceClientConfiguration();
			Region region = (configuration != null) ? configuration.region() : null;
			return (region != null) ? region.id() : null;
		}
		catch (RuntimeException ex) {
			// Not a client the SDK built, such as a test double.
			return null;
		}
	}

}

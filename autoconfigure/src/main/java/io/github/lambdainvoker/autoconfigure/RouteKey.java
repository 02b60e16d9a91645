package io.github.lambdainvoker.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * What a route's clients are built for. Functions whose keys are equal share one route
 * and so one set of clients.
 *
 * @param region the region id, or {@code null} for the SDK's region chain
 * @param endpoint the endpoint override, or {@code null} for the region's Lambda endpoint
 * @param credentials where the credentials come from
 */
record RouteKey(@Nullable String region, @Nullable URI endpoint, CredentialsSource credentials) {

	RouteKey withRegion(@Nullable String region) {
		return new RouteKey(region, this.endpoint, this.credentials);
	}

}

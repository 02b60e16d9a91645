package io.github.lambdainvoker.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.ResolvedFunction;

/**
 * {@link FunctionRegistry} backed by {@code aws.lambda.defaults} and
 * {@code aws.lambda.functions.<key>}. Resolved functions are cached, so a call resolves
 * its function with one map lookup. The auto-configured registry also gives each function
 * its route (region, endpoint, credentials); one created with
 * {@link #PropertiesFunctionRegistry(LambdaProperties)} leaves every function on the
 * invoker's own clients.
 */
final class PropertiesFunctionRegistry implements FunctionRegistry {

	private static final int MAX_CACHED = 1024;

	private final LambdaProperties properties;

	private final FunctionSettingsMapper mapper;

	private final Map<CacheKey, ResolvedFunction> cache = new ConcurrentHashMap<>();

	private final Map<String, ResolvedFunction> cacheByName = new ConcurrentHashMap<>();

	PropertiesFunctionRegistry(LambdaProperties properties) {
		this.properties = properties;
		this.mapper = new FunctionSettingsMapper(properties.getDefaults());
	}

	PropertiesFunctionRegistry(LambdaProperties properties, LambdaRoutes routes) {
		this.properties = properties;
		this.mapper = new FunctionSettingsMapper(properties.getDefaults(), routes);
	}

	@Override
	public ResolvedFunction resolve(String function, FunctionOptions options) {
		// Calls by key alone, the common case, find their function without a key object.
		if (options == FunctionOptions.NONE) {
			ResolvedFunction resolved = this.cacheByName.get(function);
			if (resolved == null) {
				resolved = resolveUncached(function, options);
				if (this.cacheByName.size() < MAX_CACHED) {
					this.cacheByName.putIfAbsent(function, resolved);
				}
			}
			return resolved;
		}
		CacheKey key = new CacheKey(function, options);
		ResolvedFunction resolved = this.cache.get(key);
		if (resolved != null) {
			return resolved;
		}
		resolved = resolveUncached(function, options);
		// Names built at run time could grow the cache without bound: cache a fixed
		// number.
		if (this.cache.size() < MAX_CACHED) {
			this.cache.putIfAbsent(key, resolved);
		}
		return resolved;
	}

	private ResolvedFunction resolveUncached(String function, FunctionOptions options) {
		LambdaProperties.Function configured = this.properties.getFunctions().get(function);
		if (configured == null && this.properties.isStrict()) {
			throw new LambdaValidationException("Function key '" + function + "' is not configured: add "
					+ "aws.lambda.functions." + function + ".function-name, or set aws.lambda.strict=false", function,
					options.qualifier());
		}
		return this.mapper.resolve(function, configured, options);
	}

	private record CacheKey(String function, FunctionOptions options) {

	}

}

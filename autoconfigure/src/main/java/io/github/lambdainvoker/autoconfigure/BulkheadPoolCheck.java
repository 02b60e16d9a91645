package io.github.lambdainvoker.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Warns at start-up when the configured bulkheads together allow more calls in flight
 * than the HTTP client has connections: calls admitted by their bulkhead would then queue
 * for a connection and fail after the connection acquisition timeout instead of being
 * rejected at once. A warning rather than a failure, because functions are rarely all at
 * their limit together.
 */
final class BulkheadPoolCheck {

	private static final Log logger = LogFactory.getLog(BulkheadPoolCheck.class);

	private BulkheadPoolCheck() {
	}

	/**
	 * Return the warning for the given properties, if the pool is too small.
	 * @param properties the properties
	 * @return the warning, or {@code null} when the pool is large enough
	 */
	static @Nullable String warning(LambdaProperties properties) {
		Integer defaultLimit = properties.getDefaults().getMaxConcurrency();
		long sum = 0;
		List<String> limits = new ArrayList<>();
		for (Map.Entry<String, LambdaProperties.Function> entry : properties.getFunctions().entrySet()) {
			Integer limit = (entry.getValue().getMaxConcurrency() != null) ? entry.getValue().getMaxConcurrency()
					: defaultLimit;
			if (limit != null) {
				sum += limit;
				limits.add(entry.getKey() + "=" + limit);
			}
		}
		int maxConnections = properties.getHttp().getMaxConnections();
		if (sum <= maxConnections) {
			return null;
		}
		return "The bulkheads of the configured functions allow " + sum + " calls in flight ("
				+ String.join(", ", limits) + ") but aws.lambda.http.max-connections is " + maxConnections
				+ ": calls beyond " + maxConnections
				+ " wait for a connection and fail after aws.lambda.http.connection-acquisition-timeout. Raise "
				+ "aws.lambda.http.max-connections to at least " + sum + " or lower the max-concurrency values.";
	}

	static void warnIfPoolTooSmall(LambdaProperties properties) {
		String warning = warning(properties);
		if (warning != null) {
			logger.warn(warning);
		}
	}

}

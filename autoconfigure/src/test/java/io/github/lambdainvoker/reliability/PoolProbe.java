package io.github.lambdainvoker.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.http.HttpMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Records the HTTP connection pool figures the SDK publishes with each request
 * ({@link HttpMetric#LEASED_CONCURRENCY}), so a test can send one probe call after a
 * fault and see whether a connection is still leased by an earlier call.
 */
final class PoolProbe implements MetricPublisher {

	private final List<Integer> leased = new CopyOnWriteArrayList<>();

	@Override
	public void publish(MetricCollection metrics) {
		List<Integer> values = new ArrayList<>();
		collect(metrics, values);
		this.leased.addAll(values);
	}

	private static void collect(MetricCollection metrics, List<Integer> values) {
		values.addAll(metrics.metricValues(HttpMetric.LEASED_CONCURRENCY));
		metrics.children().forEach((child) -> collect(child, values));
	}

	void clear() {
		this.leased.clear();
	}

	/**
	 * Return the leased connections reported by the calls since the last
	 * {@link #clear()}.
	 * @return the leased counts, one per attempt
	 */
	List<Integer> leased() {
		return List.copyOf(this.leased);
	}

	@Override
	public void close() {
	}

}

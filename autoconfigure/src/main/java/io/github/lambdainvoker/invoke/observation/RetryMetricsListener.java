package io.github.lambdainvoker.invoke.observation;

import java.time.Duration;

import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts retries in the {@code aws.lambda.retries} counter, tagged with {@code function}
 * and {@code reason} (such as {@code throttled} or {@code server_error}).
 */
public final class RetryMetricsListener implements InvocationRetryListener {

	/** Name of the counter. */
	public static final String METER_NAME = "aws.lambda.retries";

	private final Meter.MeterProvider<Counter> retries;

	public RetryMetricsListener(MeterRegistry registry) {
		this.retries = Counter.builder(METER_NAME)
			.description("Attempts of Lambda calls that were retried")
			.withRegistry(registry);
	}

	@Override
	public void onRetry(PreparedInvocation invocation, int failedAttempt, String reason,
			LambdaInvocationException failure, Duration wait) {
		this.retries.withTags("function", FunctionTags.of(invocation.function()), "reason", reason).increment();
	}

}

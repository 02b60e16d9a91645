package io.github.lambdainvoker.invoke.observation;

import java.time.Duration;

import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudget;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts retries in the {@code aws.lambda.retries} counter, tagged with {@code function}
 * and {@code reason} (such as {@code throttled} or {@code server_error}, or
 * {@code budget_exhausted} for a retry the retry budget refused), and reports the tokens
 * left in each function's retry budget in the {@code aws.lambda.retry.budget.tokens}
 * gauge.
 */
public final class RetryMetricsListener implements InvocationRetryListener {

	/** Name of the counter. */
	public static final String METER_NAME = "aws.lambda.retries";

	/** Name of the gauge of the tokens left in a function's retry budget. */
	public static final String BUDGET_METER_NAME = "aws.lambda.retry.budget.tokens";

	/** Reason of a retry that the retry budget refused. */
	public static final String BUDGET_EXHAUSTED = "budget_exhausted";

	private final MeterRegistry registry;

	private final Meter.MeterProvider<Counter> retries;

	public RetryMetricsListener(MeterRegistry registry) {
		this.registry = registry;
		this.retries = Counter.builder(METER_NAME)
			.description("Retries of Lambda calls, made or refused by the retry budget")
			.withRegistry(registry);
	}

	@Override
	public void onRetry(PreparedInvocation invocation, int failedAttempt, String reason,
			LambdaInvocationException failure, Duration wait) {
		this.retries.withTags("function", FunctionTags.of(invocation.function()), "reason", reason).increment();
	}

	@Override
	public void onRetryRefused(PreparedInvocation invocation, int failedAttempt, String reason,
			LambdaInvocationException failure) {
		this.retries.withTags("function", FunctionTags.of(invocation.function()), "reason", BUDGET_EXHAUSTED)
			.increment();
	}

	@Override
	public void onBudgetCreated(ResolvedFunction function, RetryBudget budget) {
		Gauge.builder(BUDGET_METER_NAME, budget, RetryBudget::availableTokens)
			.description("Tokens left in the retry budget of a Lambda function")
			.baseUnit("tokens")
			.tag("function", FunctionTags.of(function))
			.register(this.registry);
	}

}

package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;

import io.github.lambdainvoker.invoke.BulkheadSettings;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Invocations and failures for tests of the retry layer that need no endpoint.
 */
final class RetryTestInvocations {

	private RetryTestInvocations() {
	}

	static RetrySettings settings(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
			boolean jitter, boolean idempotent, RetryBudgetSettings budget) {
		return new RetrySettings(true, maxAttempts, initialInterval, multiplier, maxInterval, jitter, idempotent, false,
				budget);
	}

	static RetrySettings quick(int maxAttempts, RetryBudgetSettings budget) {
		return settings(maxAttempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false, budget);
	}

	static RetryBudgetSettings budget(int capacity, int retryCost, int unknownOutcomeCost, int successRefund) {
		return new RetryBudgetSettings(true, capacity, retryCost, unknownOutcomeCost, successRefund);
	}

	static PreparedInvocation invocation(String key, RetrySettings retry) {
		return invocation(key, retry, null);
	}

	static PreparedInvocation invocation(String key, RetrySettings retry, @Nullable Duration timeout) {
		ResolvedFunction base = ResolvedFunction.of(key, FunctionOptions.NONE);
		ResolvedFunction function = new ResolvedFunction(base.key(), base.reference(), null,
				InvocationType.REQUEST_RESPONSE, base.logType(), base.clientContext(), timeout, null, retry,
				BulkheadSettings.UNLIMITED);
		return new PreparedInvocation(function, null, InvocationType.REQUEST_RESPONSE, 2,
				InvokeRequest.builder().functionName(key).build());
	}

	static LambdaInvocationException serverError() {
		return new LambdaServerException("ServiceException", "pricing", null, 500, "ServiceException", null, null);
	}

	static LambdaInvocationException throttled(@Nullable Duration retryAfter) {
		return new LambdaThrottlingException("throttled", "pricing", null, "TooManyRequestsException", null, null,
				retryAfter, null);
	}

	static LambdaInvocationException timedOut() {
		return new LambdaTimeoutException("timed out", "pricing", null, null);
	}

	static LambdaInvocationException notSent() {
		return new LambdaClientException("refused", "pricing", null, false, null);
	}

}

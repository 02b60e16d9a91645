package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.FunctionReference;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the {@code aws.lambda.*} properties at start-up, so that a mistake fails the
 * application with the property's name instead of failing a call later.
 */
final class LambdaPropertiesValidator {

	private static final String PREFIX = "aws.lambda.";

	void validate(LambdaProperties properties) {
		FunctionSettingsMapper mapper = new FunctionSettingsMapper(properties.getDefaults());
		LambdaProperties.Function defaults = properties.getDefaults();
		if (defaults.getFunctionName() != null) {
			throw new InvalidLambdaPropertyException(PREFIX + "defaults.function-name", defaults.getFunctionName(),
					"a default function name would send every function key to the same function",
					"Set the function name per function, under aws.lambda.functions.<key>.function-name.");
		}
		validateLayer(PREFIX + "defaults.", defaults);
		validateMerged(PREFIX + "defaults.", resolve(mapper, PREFIX + "defaults.", "defaults", null));
		for (Map.Entry<String, LambdaProperties.Function> entry : properties.getFunctions().entrySet()) {
			String prefix = PREFIX + "functions." + entry.getKey() + ".";
			validateLayer(prefix, entry.getValue());
			validateMerged(prefix, resolve(mapper, prefix, entry.getKey(), entry.getValue()));
		}
		validateHttp(properties);
	}

	private void validateLayer(String prefix, LambdaProperties.Function function) {
		positive(prefix + "timeout", function.getTimeout());
		positive(prefix + "attempt-timeout", function.getAttemptTimeout());
		if (function.getMaxConcurrency() != null && function.getMaxConcurrency() < 1) {
			throw new InvalidLambdaPropertyException(prefix + "max-concurrency", function.getMaxConcurrency(),
					"a function needs at least one call in flight to be called at all",
					"Set it to 1 or more, or remove it for no limit.");
		}
		if (function.getMaxWait() != null && function.getMaxWait().isNegative()) {
			throw new InvalidLambdaPropertyException(prefix + "max-wait", function.getMaxWait(),
					"a call cannot wait a negative time for a permit",
					"Set it to 0 to reject at once, or to a positive duration such as 100ms.");
		}
		LambdaProperties.Retry retry = function.getRetry();
		positive(prefix + "retry.initial-interval", retry.getInitialInterval());
		positive(prefix + "retry.max-interval", retry.getMaxInterval());
		if (retry.getMaxAttempts() != null && retry.getMaxAttempts() < 1) {
			throw new InvalidLambdaPropertyException(prefix + "retry.max-attempts", retry.getMaxAttempts(),
					"a call makes at least one attempt", "Set it to 1 or more (1 means no retry).");
		}
		if (retry.getMultiplier() != null && retry.getMultiplier() < 1.0) {
			throw new InvalidLambdaPropertyException(prefix + "retry.multiplier", retry.getMultiplier(),
					"waits between attempts must not shrink", "Set it to 1.0 or more.");
		}
		validateBudgetLayer(prefix + "retry.budget.", retry.getBudget());
		if (function.getQualifier() != null) {
			try {
				FunctionReference.checkQualifier(prefix.substring(0, prefix.length() - 1), function.getQualifier());
			}
			catch (LambdaValidationException ex) {
				throw new InvalidLambdaPropertyException(prefix + "qualifier", function.getQualifier(), ex.getMessage(),
						"Use a version number, $LATEST or an alias name.");
			}
		}
	}

	private void validateBudgetLayer(String prefix, LambdaProperties.Retry.Budget budget) {
		if (budget.getCapacity() != null && budget.getCapacity() < 1) {
			throw new InvalidLambdaPropertyException(prefix + "capacity", budget.getCapacity(),
					"a retry budget without tokens could never pay for a retry",
					"Set it to 1 or more, or set " + prefix + "enabled=false for no budget.");
		}
		notNegative(prefix + "retry-cost", budget.getRetryCost());
		notNegative(prefix + "unknown-outcome-cost", budget.getUnknownOutcomeCost());
		if (budget.getSuccessRefund() != null && budget.getSuccessRefund() < 1) {
			throw new InvalidLambdaPropertyException(prefix + "success-refund", budget.getSuccessRefund(),
					"a spent retry budget would never refill, so the function's calls would never retry again",
					"Set it to 1 or more.");
		}
	}

	private static void notNegative(String property, @Nullable Integer cost) {
		if (cost != null && cost < 0) {
			throw new InvalidLambdaPropertyException(property, cost, "a retry cannot add tokens to the budget",
					"Set it to 0 or more (0 makes these retries free).");
		}
	}

	private ResolvedFunction resolve(FunctionSettingsMapper mapper, String prefix, String key,
			LambdaProperties.@Nullable Function function) {
		try {
			return mapper.resolve(key, function, FunctionOptions.NONE);
		}
		catch (LambdaValidationException ex) {
			String qualifier = (function != null) ? function.getQualifier() : null;
			if (qualifier != null && ex.getMessage().contains("was also given")) {
				throw new InvalidLambdaPropertyException(prefix + "qualifier", qualifier, ex.getMessage(),
						"Remove the alias from " + prefix + "function-name or remove " + prefix
								+ "qualifier, so that only one of them names the qualifier.");
			}
			Object name = (function != null && function.getFunctionName() != null) ? function.getFunctionName() : key;
			throw new InvalidLambdaPropertyException(prefix + "function-name", name, ex.getMessage(),
					"Use a function name, name:alias, a full ARN or a partial ARN.");
		}
	}

	private void validateMerged(String prefix, ResolvedFunction function) {
		Duration timeout = function.timeout();
		Duration attemptTimeout = function.attemptTimeout();
		if (timeout != null && attemptTimeout != null && attemptTimeout.compareTo(timeout) > 0) {
			throw new InvalidLambdaPropertyException(prefix + "attempt-timeout", attemptTimeout,
					"one attempt may not take longer than the whole call's timeout (" + timeout + ")",
					"Make " + prefix + "attempt-timeout shorter than or equal to " + prefix + "timeout.");
		}
		RetryBudgetSettings budget = function.retry().budget();
		if (budget.enabled()) {
			costWithinCapacity(prefix + "retry.budget.retry-cost", budget.retryCost(), budget.capacity());
			costWithinCapacity(prefix + "retry.budget.unknown-outcome-cost", budget.unknownOutcomeCost(),
					budget.capacity());
		}
		ClientContext clientContext = function.clientContext();
		if (!clientContext.isEmpty()) {
			try {
				clientContext.encode(function.key());
			}
			catch (LambdaValidationException ex) {
				throw new InvalidLambdaPropertyException(prefix + "client-context", clientContext.custom().keySet(),
						ex.getMessage(), "Send fewer or shorter client context values.");
			}
		}
	}

	private static void costWithinCapacity(String property, int cost, int capacity) {
		if (cost > capacity) {
			throw new InvalidLambdaPropertyException(property, cost,
					"a retry would cost more tokens than a full retry budget holds (" + capacity
							+ "), so no call would ever retry",
					"Make it at most " + capacity + ", or raise the budget's capacity.");
		}
	}

	private void validateHttp(LambdaProperties properties) {
		LambdaProperties.Http http = properties.getHttp();
		positive(PREFIX + "http.connect-timeout", http.getConnectTimeout());
		positive(PREFIX + "http.read-timeout", http.getReadTimeout());
		positive(PREFIX + "http.connection-acquisition-timeout", http.getConnectionAcquisitionTimeout());
		if (http.getMaxConnections() < 1) {
			throw new InvalidLambdaPropertyException(PREFIX + "http.max-connections", http.getMaxConnections(),
					"the HTTP client needs at least one connection", "Set it to 1 or more.");
		}
		Duration longest = ReadTimeouts.longestConfigured(properties);
		if (http.getReadTimeout() != null && longest != null && http.getReadTimeout().compareTo(longest) < 0) {
			throw new InvalidLambdaPropertyException(PREFIX + "http.read-timeout", http.getReadTimeout(),
					"a function may wait up to " + longest + " for its response, but the HTTP client would give up "
							+ "after " + http.getReadTimeout() + " and report a misleading I/O error",
					"Remove aws.lambda.http.read-timeout to derive it from the function timeouts, or make it at "
							+ "least " + longest + ".");
		}
	}

	private static void positive(String property, @Nullable Duration value) {
		if (value != null && (value.isNegative() || value.isZero())) {
			throw new InvalidLambdaPropertyException(property, value, "the duration must be positive",
					"Set a positive duration, such as 10s.");
		}
	}

}

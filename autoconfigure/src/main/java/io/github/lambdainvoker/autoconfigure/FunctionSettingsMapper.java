package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.function.Function;

import io.github.lambdainvoker.invoke.BulkheadSettings;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.FunctionReference;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.jspecify.annotations.Nullable;

/**
 * Merges one function's configuration layers into a {@link ResolvedFunction}:
 * {@code functions.<key>} over options declared in code over {@code defaults} over the
 * built-in defaults. With routes, it also gives the function its route.
 */
final class FunctionSettingsMapper {

	private final LambdaProperties.Function defaults;

	private final @Nullable LambdaRoutes routes;

	FunctionSettingsMapper(LambdaProperties.Function defaults) {
		this(defaults, null);
	}

	FunctionSettingsMapper(LambdaProperties.Function defaults, @Nullable LambdaRoutes routes) {
		this.defaults = defaults;
		this.routes = routes;
	}

	ResolvedFunction resolve(String key, LambdaProperties.@Nullable Function function, FunctionOptions options) {
		LambdaProperties.Function configured = (function != null) ? function : new LambdaProperties.Function();
		String configuredName = configured.getFunctionName();
		boolean nameFromConfiguration = configuredName != null;
		FunctionReference reference = FunctionReference.parse((configuredName != null) ? configuredName : key);
		return new ResolvedFunction(key, reference,
				qualifier(reference, nameFromConfiguration, configured.getQualifier(), options.qualifier()),
				orElse(first(configured.getInvocationType(), options.invocationType(),
						this.defaults.getInvocationType()), InvocationType.REQUEST_RESPONSE),
				orElse(first(configured.getLogType(), options.logType(), this.defaults.getLogType()), LogType.NONE),
				clientContext(this.defaults.getClientContext())
					.mergedWith(clientContext(configured.getClientContext())),
				first(configured.getTimeout(), this.defaults.getTimeout()),
				first(configured.getAttemptTimeout(), this.defaults.getAttemptTimeout()), retry(configured.getRetry()),
				bulkhead(configured), (this.routes != null) ? this.routes.routeOf(function, reference) : null);
	}

	private BulkheadSettings bulkhead(LambdaProperties.Function configured) {
		Integer maxConcurrency = first(configured.getMaxConcurrency(), this.defaults.getMaxConcurrency());
		Duration maxWait = first(configured.getMaxWait(), this.defaults.getMaxWait());
		return new BulkheadSettings(maxConcurrency, (maxWait != null) ? maxWait : Duration.ZERO);
	}

	private @Nullable String qualifier(FunctionReference reference, boolean nameFromConfiguration,
			@Nullable String configured, @Nullable String declared) {
		if (configured != null) {
			return reference.resolveQualifier(configured);
		}
		if (reference.inlineQualifier() != null) {
			// A configured name's inline alias outranks qualifiers declared in code; an
			// inline alias in code must agree with the qualifier declared beside it.
			return (!nameFromConfiguration && declared != null) ? reference.resolveQualifier(declared) : null;
		}
		String qualifier = first(declared, this.defaults.getQualifier());
		if (qualifier != null) {
			FunctionReference.checkQualifier(reference.value(), qualifier);
		}
		return qualifier;
	}

	private RetrySettings retry(LambdaProperties.Retry retry) {
		LambdaProperties.Retry fallback = this.defaults.getRetry();
		RetrySettings builtIn = RetrySettings.DEFAULTS;
		return new RetrySettings(pick(retry, fallback, LambdaProperties.Retry::getEnabled, builtIn.enabled()),
				pick(retry, fallback, LambdaProperties.Retry::getMaxAttempts, builtIn.maxAttempts()),
				pick(retry, fallback, LambdaProperties.Retry::getInitialInterval, builtIn.initialInterval()),
				pick(retry, fallback, LambdaProperties.Retry::getMultiplier, builtIn.multiplier()),
				pick(retry, fallback, LambdaProperties.Retry::getMaxInterval, builtIn.maxInterval()),
				pick(retry, fallback, LambdaProperties.Retry::getJitter, builtIn.jitter()),
				pick(retry, fallback, LambdaProperties.Retry::getIdempotent, builtIn.idempotent()),
				pick(retry, fallback, LambdaProperties.Retry::getRetryOnFunctionError, builtIn.retryOnFunctionError()),
				budget(retry.getBudget(), fallback.getBudget()));
	}

	private static RetryBudgetSettings budget(LambdaProperties.Retry.Budget budget,
			LambdaProperties.Retry.Budget fallback) {
		RetryBudgetSettings builtIn = RetryBudgetSettings.DEFAULTS;
		return new RetryBudgetSettings(
				pick(budget, fallback, LambdaProperties.Retry.Budget::getEnabled, builtIn.enabled()),
				pick(budget, fallback, LambdaProperties.Retry.Budget::getCapacity, builtIn.capacity()),
				pick(budget, fallback, LambdaProperties.Retry.Budget::getRetryCost, builtIn.retryCost()),
				pick(budget, fallback, LambdaProperties.Retry.Budget::getUnknownOutcomeCost,
						builtIn.unknownOutcomeCost()),
				pick(budget, fallback, LambdaProperties.Retry.Budget::getSuccessRefund, builtIn.successRefund()));
	}

	static ClientContext clientContext(LambdaProperties.ClientContextValues values) {
		return new ClientContext(values.getCustom(), values.getEnv(), values.getClient());
	}

	private static <S, T> T pick(S configured, S fallback, Function<S, @Nullable T> getter, T builtIn) {
		T value = getter.apply(configured);
		if (value != null) {
			return value;
		}
		T defaultValue = getter.apply(fallback);
		return (defaultValue != null) ? defaultValue : builtIn;
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	@SafeVarargs
	static <T> @Nullable T first(@Nullable T... candidates) {
		for (T candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return null;
	}

}

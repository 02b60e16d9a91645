package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One test per row of the precedence table: {@code functions.<key>} over annotation
 * attributes over {@code defaults} over built-in defaults. (Per-call values over all of
 * them are asserted on the wire in {@link RetryAndTimeoutWireTests}.)
 */
class FunctionSettingsPrecedenceTests {

	private final LambdaProperties properties = new LambdaProperties();

	@Test
	void functionSettingsOverrideAnnotationAttributes() {
		LambdaProperties.Function pricing = function("pricing");
		pricing.setQualifier("prod");
		pricing.setInvocationType(InvocationType.REQUEST_RESPONSE);
		ResolvedFunction resolved = resolve("pricing", new FunctionOptions("canary", InvocationType.EVENT, null));
		assertThat(resolved.qualifier()).isEqualTo("prod");
		assertThat(resolved.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
	}

	@Test
	void annotationAttributesOverrideDefaults() {
		this.properties.getDefaults().setQualifier("live");
		this.properties.getDefaults().setLogType(LogType.NONE);
		ResolvedFunction resolved = resolve("audit", new FunctionOptions("canary", InvocationType.EVENT, LogType.TAIL));
		assertThat(resolved.qualifier()).isEqualTo("canary");
		assertThat(resolved.invocationType()).isEqualTo(InvocationType.EVENT);
		assertThat(resolved.logType()).isEqualTo(LogType.TAIL);
	}

	@Test
	void defaultsOverrideBuiltInDefaults() {
		LambdaProperties.Function defaults = this.properties.getDefaults();
		defaults.setQualifier("live");
		defaults.setLogType(LogType.TAIL);
		defaults.setTimeout(Duration.ofSeconds(30));
		defaults.setAttemptTimeout(Duration.ofSeconds(10));
		defaults.getRetry().setMaxAttempts(5);
		defaults.getRetry().setIdempotent(true);
		defaults.getClientContext().getCustom().put("app", "orders");
		ResolvedFunction resolved = resolve("pricing", FunctionOptions.NONE);
		assertThat(resolved.qualifier()).isEqualTo("live");
		assertThat(resolved.logType()).isEqualTo(LogType.TAIL);
		assertThat(resolved.timeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(resolved.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(resolved.retry().maxAttempts()).isEqualTo(5);
		assertThat(resolved.retry().idempotent()).isTrue();
		assertThat(resolved.retry().initialInterval()).isEqualTo(RetrySettings.DEFAULTS.initialInterval());
		assertThat(resolved.clientContext().custom()).containsEntry("app", "orders");
	}

	@Test
	void builtInDefaultsApplyWhenNothingIsConfigured() {
		ResolvedFunction resolved = resolve("pricing", FunctionOptions.NONE);
		assertThat(resolved.functionName()).isEqualTo("pricing");
		assertThat(resolved.qualifier()).isNull();
		assertThat(resolved.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
		assertThat(resolved.logType()).isEqualTo(LogType.NONE);
		assertThat(resolved.timeout()).isNull();
		assertThat(resolved.attemptTimeout()).isNull();
		assertThat(resolved.retry()).isEqualTo(RetrySettings.DEFAULTS);
		assertThat(resolved.clientContext().isEmpty()).isTrue();
	}

	@Test
	void functionRetrySettingsMergeFieldByFieldOverDefaults() {
		this.properties.getDefaults().getRetry().setMaxAttempts(4);
		this.properties.getDefaults().getRetry().setMaxInterval(Duration.ofSeconds(2));
		function("pricing").getRetry().setMaxAttempts(6);
		RetrySettings retry = resolve("pricing", FunctionOptions.NONE).retry();
		assertThat(retry.maxAttempts()).isEqualTo(6);
		assertThat(retry.maxInterval()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void functionRetryBudgetMergesFieldByFieldOverDefaults() {
		this.properties.getDefaults().getRetry().getBudget().setCapacity(100);
		this.properties.getDefaults().getRetry().getBudget().setRetryCost(2);
		function("pricing").getRetry().getBudget().setRetryCost(4);
		function("audit").getRetry().getBudget().setEnabled(false);
		RetryBudgetSettings pricing = resolve("pricing", FunctionOptions.NONE).retry().budget();
		assertThat(pricing).isEqualTo(new RetryBudgetSettings(true, 100, 4, 10, 1));
		assertThat(resolve("inventory", FunctionOptions.NONE).retry().budget())
			.isEqualTo(new RetryBudgetSettings(true, 100, 2, 10, 1));
		assertThat(resolve("audit", FunctionOptions.NONE).retry().budget().enabled()).isFalse();
	}

	@Test
	void retryBudgetIsOnByDefaultWithTheStandardStrategyFigures() {
		assertThat(resolve("pricing", FunctionOptions.NONE).retry().budget())
			.isEqualTo(new RetryBudgetSettings(true, 500, 5, 10, 1));
	}

	@Test
	void functionClientContextMergesOverDefaults() {
		this.properties.getDefaults().getClientContext().getCustom().putAll(Map.of("app", "orders", "env", "dev"));
		function("pricing").getClientContext().getCustom().put("env", "prod");
		assertThat(resolve("pricing", FunctionOptions.NONE).clientContext().custom())
			.containsExactlyInAnyOrderEntriesOf(Map.of("app", "orders", "env", "prod"));
	}

	@Test
	void configuredFunctionNameReplacesTheKey() {
		function("pricing").setFunctionName("arn:aws:lambda:eu-west-1:123456789012:function:pricing-v2");
		ResolvedFunction resolved = resolve("pricing", FunctionOptions.NONE);
		assertThat(resolved.key()).isEqualTo("pricing");
		assertThat(resolved.functionName()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:pricing-v2");
	}

	@Test
	void inlineAliasOfConfiguredNameOutranksDeclaredAndDefaultQualifiers() {
		this.properties.getDefaults().setQualifier("live");
		function("pricing").setFunctionName("pricing:blue");
		assertThat(resolve("pricing", new FunctionOptions("canary", null, null)).qualifier()).isNull();
	}

	@Test
	void inlineAliasInCodeThatDisagreesWithDeclaredQualifierFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> resolve("pricing:blue", new FunctionOptions("green", null, null)))
			.withMessageContaining("names qualifier 'blue' but qualifier 'green' was also given");
	}

	@Test
	void strictModeRejectsUnknownKeys() {
		this.properties.setStrict(true);
		function("pricing");
		assertThat(resolve("pricing", FunctionOptions.NONE).functionName()).isEqualTo("pricing");
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> resolve("pricnig", FunctionOptions.NONE))
			.withMessage("Function key 'pricnig' is not configured: add aws.lambda.functions.pricnig.function-name, "
					+ "or set aws.lambda.strict=false");
	}

	@Test
	void resolvedFunctionsAreCached() {
		PropertiesFunctionRegistry registry = new PropertiesFunctionRegistry(this.properties);
		assertThat(registry.resolve("pricing")).isSameAs(registry.resolve("pricing"));
	}

	private LambdaProperties.Function function(String key) {
		return this.properties.getFunctions().computeIfAbsent(key, (k) -> new LambdaProperties.Function());
	}

	private ResolvedFunction resolve(String key, FunctionOptions options) {
		return new PropertiesFunctionRegistry(this.properties).resolve(key, options);
	}

}

package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each start-up validation rule of the {@code aws.lambda.*} properties, asserted through
 * the failure analysis a user would read.
 */
@Tag("bad-input")
@ExtendWith(OutputCaptureExtension.class)
class LambdaPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withPropertyValues("aws.lambda.region=eu-west-1")
		.withUserConfiguration(TestCredentialsConfiguration.class);

	@Test
	void validConfigurationStarts() {
		this.contextRunner
			.withPropertyValues("aws.lambda.defaults.qualifier=live", "aws.lambda.defaults.timeout=30s",
					"aws.lambda.defaults.attempt-timeout=10s",
					"aws.lambda.functions.pricing.function-name="
							+ "arn:aws:lambda:eu-west-1:123456789012:function:pricing",
					"aws.lambda.functions.pricing.qualifier=prod", "aws.lambda.functions.pricing.retry.max-attempts=5")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void defaultFunctionNameFails() {
		assertFailure("aws.lambda.defaults.function-name=pricing", "aws.lambda.defaults.function-name", "pricing",
				"a default function name would send every function key to the same function",
				"Set the function name per function, under aws.lambda.functions.<key>.function-name.");
	}

	@Test
	void malformedFunctionNameFails() {
		assertFailure("aws.lambda.functions.pricing.function-name=arn:aws:s3:::bucket",
				"aws.lambda.functions.pricing.function-name", "arn:aws:s3:::bucket",
				"Function name 'arn:aws:s3:::bucket' is not a Lambda function name",
				"Use a function name, name:alias, a full ARN or a partial ARN.");
	}

	@Test
	void tooLongFunctionKeyWithoutNameFails() {
		String key = "k".repeat(65);
		assertFailure("aws.lambda.functions." + key + ".qualifier=live",
				"aws.lambda.functions." + key + ".function-name", key,
				"is 65 characters long; Lambda allows at most 64",
				"Use a function name, name:alias, a full ARN or a partial ARN.");
	}

	@Test
	void malformedQualifierFails() {
		assertFailure("aws.lambda.defaults.qualifier=not valid", "aws.lambda.defaults.qualifier", "not valid",
				"may only contain letters, digits, '$', '_' and '-'",
				"Use a version number, $LATEST or an alias name.");
	}

	@Test
	void inlineAliasThatDisagreesWithQualifierFails() {
		assertFailure(
				new String[] { "aws.lambda.functions.pricing.function-name=pricing:live",
						"aws.lambda.functions.pricing.qualifier=test" },
				"aws.lambda.functions.pricing.qualifier", "test",
				"names qualifier 'live' but qualifier 'test' was also given",
				"Remove the alias from aws.lambda.functions.pricing.function-name or remove "
						+ "aws.lambda.functions.pricing.qualifier, so that only one of them names the qualifier.");
	}

	@Test
	void nonPositiveTimeoutFails() {
		assertFailure("aws.lambda.functions.pricing.timeout=0s", "aws.lambda.functions.pricing.timeout", "PT0S",
				"the duration must be positive", "Set a positive duration, such as 10s.");
	}

	@Test
	void negativeAttemptTimeoutFails() {
		assertFailure("aws.lambda.defaults.attempt-timeout=-1s", "aws.lambda.defaults.attempt-timeout", "PT-1S",
				"the duration must be positive", "Set a positive duration, such as 10s.");
	}

	@Test
	void attemptTimeoutLongerThanTimeoutFails() {
		assertFailure(
				new String[] { "aws.lambda.defaults.timeout=5s", "aws.lambda.functions.pricing.attempt-timeout=10s" },
				"aws.lambda.functions.pricing.attempt-timeout", "PT10S",
				"one attempt may not take longer than the whole call's timeout (PT5S)",
				"Make aws.lambda.functions.pricing.attempt-timeout shorter than or equal to "
						+ "aws.lambda.functions.pricing.timeout.");
	}

	@Test
	void zeroMaxAttemptsFails() {
		assertFailure("aws.lambda.defaults.retry.max-attempts=0", "aws.lambda.defaults.retry.max-attempts", "0",
				"a call makes at least one attempt", "Set it to 1 or more (1 means no retry).");
	}

	@Test
	void shrinkingMultiplierFails() {
		assertFailure("aws.lambda.functions.pricing.retry.multiplier=0.5",
				"aws.lambda.functions.pricing.retry.multiplier", "0.5", "waits between attempts must not shrink",
				"Set it to 1.0 or more.");
	}

	@Test
	void nonPositiveRetryIntervalFails() {
		assertFailure("aws.lambda.defaults.retry.initial-interval=0ms", "aws.lambda.defaults.retry.initial-interval",
				"PT0S", "the duration must be positive", "Set a positive duration, such as 10s.");
	}

	@Test
	void retryBudgetWithoutTokensFails() {
		assertFailure("aws.lambda.defaults.retry.budget.capacity=0", "aws.lambda.defaults.retry.budget.capacity", "0",
				"a retry budget without tokens could never pay for a retry",
				"Set it to 1 or more, or set aws.lambda.defaults.retry.budget.enabled=false for no budget.");
	}

	@Test
	void negativeRetryCostFails() {
		assertFailure("aws.lambda.functions.pricing.retry.budget.retry-cost=-1",
				"aws.lambda.functions.pricing.retry.budget.retry-cost", "-1", "a retry cannot add tokens to the budget",
				"Set it to 0 or more (0 makes these retries free).");
	}

	@Test
	void negativeUnknownOutcomeCostFails() {
		assertFailure("aws.lambda.defaults.retry.budget.unknown-outcome-cost=-10",
				"aws.lambda.defaults.retry.budget.unknown-outcome-cost", "-10",
				"a retry cannot add tokens to the budget", "Set it to 0 or more (0 makes these retries free).");
	}

	@Test
	void retryBudgetThatNeverRefillsFails() {
		assertFailure("aws.lambda.functions.pricing.retry.budget.success-refund=0",
				"aws.lambda.functions.pricing.retry.budget.success-refund", "0",
				"a spent retry budget would never refill, so the function's calls would never retry again",
				"Set it to 1 or more.");
	}

	@Test
	void retryCostAboveTheCapacityOfTheMergedBudgetFails() {
		assertFailure(
				new String[] { "aws.lambda.defaults.retry.budget.retry-cost=8",
						"aws.lambda.functions.pricing.retry.budget.capacity=6" },
				"aws.lambda.functions.pricing.retry.budget.retry-cost", "8",
				"a retry would cost more tokens than a full retry budget holds (6), so no call would ever retry",
				"Make it at most 6, or raise the budget's capacity.");
	}

	@Test
	void unknownOutcomeCostAboveTheCapacityFails() {
		assertFailure("aws.lambda.defaults.retry.budget.capacity=9",
				"aws.lambda.defaults.retry.budget.unknown-outcome-cost", "10",
				"a retry would cost more tokens than a full retry budget holds (9), so no call would ever retry",
				"Make it at most 9, or raise the budget's capacity.");
	}

	@Test
	void disabledRetryBudgetIsNotCheckedAgainstItsCosts() {
		this.contextRunner
			.withPropertyValues("aws.lambda.functions.pricing.retry.budget.enabled=false",
					"aws.lambda.functions.pricing.retry.budget.capacity=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void clientContextOverLimitFails() {
		assertFailure("aws.lambda.defaults.client-context.custom.blob=" + "x".repeat(2700),
				"aws.lambda.defaults.client-context", "[blob]", "once base64-encoded; Lambda allows at most 3583",
				"Send fewer or shorter client context values.");
	}

	@Test
	void readTimeoutShorterThanFunctionTimeoutFails() {
		assertFailure(new String[] { "aws.lambda.http.read-timeout=30s", "aws.lambda.functions.report.timeout=5m" },
				"aws.lambda.http.read-timeout", "PT30S",
				"a function may wait up to PT5M for its response, but the HTTP client would give up after PT30S",
				"Remove aws.lambda.http.read-timeout to derive it from the function timeouts, or make it at least PT5M.");
	}

	@Test
	void zeroMaxConnectionsFails() {
		assertFailure("aws.lambda.http.max-connections=0", "aws.lambda.http.max-connections", "0",
				"the HTTP client needs at least one connection", "Set it to 1 or more.");
	}

	@Test
	void zeroMaxConcurrencyFails() {
		assertFailure("aws.lambda.functions.pricing.max-concurrency=0", "aws.lambda.functions.pricing.max-concurrency",
				"0", "a function needs at least one call in flight to be called at all",
				"Set it to 1 or more, or remove it for no limit.");
	}

	@Test
	void negativeDefaultMaxConcurrencyFails() {
		assertFailure("aws.lambda.defaults.max-concurrency=-3", "aws.lambda.defaults.max-concurrency", "-3",
				"a function needs at least one call in flight to be called at all",
				"Set it to 1 or more, or remove it for no limit.");
	}

	@Test
	void negativeMaxWaitFails() {
		assertFailure("aws.lambda.functions.pricing.max-wait=-1ms", "aws.lambda.functions.pricing.max-wait",
				"PT-0.001S", "a call cannot wait a negative time for a permit",
				"Set it to 0 to reject at once, or to a positive duration such as 100ms.");
	}

	@Test
	void zeroMaxWaitStarts() {
		this.contextRunner.withPropertyValues("aws.lambda.defaults.max-concurrency=1", "aws.lambda.defaults.max-wait=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void bulkheadsLargerThanTheConnectionPoolAreReportedAtStartUp(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("aws.lambda.http.max-connections=10", "aws.lambda.defaults.max-concurrency=4",
					"aws.lambda.functions.pricing.max-concurrency=8", "aws.lambda.functions.audit.qualifier=live")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(LambdaInvoker.class);
			});
		assertThat(output).contains("WARN")
			.contains("The bulkheads of the configured functions allow 12 calls in flight (pricing=8, audit=4) "
					+ "but aws.lambda.http.max-connections is 10")
			.contains("Raise aws.lambda.http.max-connections to at least 12");
	}

	@Test
	void bulkheadsWithinTheConnectionPoolAreNotReported(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("aws.lambda.http.max-connections=10", "aws.lambda.functions.pricing.max-concurrency=8")
			.run((context) -> context.getBean(LambdaInvoker.class));
		assertThat(output).doesNotContain("The bulkheads of the configured functions");
	}

	@Test
	void unknownInvocationTypeFailsBinding() {
		this.contextRunner.withPropertyValues("aws.lambda.defaults.invocation-type=sometimes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("sometimes")
				.hasMessageContaining("InvocationType");
		});
	}

	private void assertFailure(String property, String name, String value, String reason, String action) {
		assertFailure(new String[] { property }, name, value, reason, action);
	}

	private void assertFailure(String[] properties, String name, String value, String reason, String action) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains("Property: " + name)
				.contains("Value: " + value)
				.contains("Reason: ")
				.contains(reason);
			assertThat(analysis.getAction()).isEqualTo(action);
		});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new InvalidLambdaPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

}

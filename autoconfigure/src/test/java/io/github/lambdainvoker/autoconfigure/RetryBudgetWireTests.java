package io.github.lambdainvoker.autoconfigure;

import java.util.concurrent.CompletionException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.EnableLambdaClients;
import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.observation.RetryMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configured retry budget: one budget per function key, shared by
 * {@code @LambdaClient} methods and {@link LambdaInvoker} calls, sync and async, sized by
 * the properties, and reported through the retry counter and the budget gauge.
 */
class RetryBudgetWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withConfiguration(AutoConfigurations.of(LambdaMetricsAutoConfiguration.class))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withUserConfiguration(ClientsConfiguration.class)
		.withPropertyValues("aws.lambda.defaults.retry.initial-interval=5ms", "aws.lambda.defaults.retry.jitter=false",
				"aws.lambda.functions.pricing.retry.budget.capacity=10");

	@Test
	void clientAndInvokerCallsOfOneFunctionShareItsBudget() {
		wireMock.stubFor(invocation("pricing").willReturn(aResponse().withStatus(500)
			.withHeader("X-Amzn-ErrorType", "ServiceException")
			.withBody("{\"message\":\"boom\"}")));
		this.contextRunner.run((context) -> {
			PricingFunctions client = context.getBean(PricingFunctions.class);
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThatExceptionOfType(LambdaServerException.class).isThrownBy(() -> client.quote("{}"))
				.isExactlyInstanceOf(LambdaServerException.class);
			assertThat(invocations(wireMock, "pricing")).hasSize(3);
			assertThat(tokens(meters)).isZero();
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> invoker.invokeAsync("pricing", "{}", String.class).join())
				.withCauseExactlyInstanceOf(LambdaServerException.class);
			assertThatExceptionOfType(LambdaServerException.class).isThrownBy(() -> client.quote("{}"));
			assertThat(invocations(wireMock, "pricing")).hasSize(5);
			assertThat(meters.get(RetryMetricsListener.METER_NAME)
				.tags("function", "pricing", "reason", "server_error")
				.counter()
				.count()).isEqualTo(2.0);
			assertThat(meters.get(RetryMetricsListener.METER_NAME)
				.tags("function", "pricing", "reason", RetryMetricsListener.BUDGET_EXHAUSTED)
				.counter()
				.count()).isEqualTo(2.0);
		});
	}

	@Test
	void eachFunctionKeyHasABudgetOfItsOwn() {
		wireMock.stubFor(invocation("pricing").willReturn(aResponse().withStatus(503)));
		wireMock.stubFor(invocation("inventory").willReturn(aResponse().withStatus(503)));
		this.contextRunner.run((context) -> {
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(LambdaServerException.class)
					.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class));
			}
			assertThat(invocations(wireMock, "pricing")).hasSize(3 + 1 + 1);
			assertThatExceptionOfType(LambdaServerException.class)
				.isThrownBy(() -> invoker.invoke("inventory", "{}", String.class));
			assertThat(invocations(wireMock, "inventory")).hasSize(3);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(tokens(meters)).isZero();
			assertThat(meters.get(RetryMetricsListener.BUDGET_METER_NAME).tag("function", "inventory").gauge().value())
				.isEqualTo(490.0);
		});
	}

	@Test
	void disabledBudgetLetsEveryCallRetry() {
		wireMock.stubFor(invocation("pricing").willReturn(aResponse().withStatus(503)));
		this.contextRunner.withPropertyValues("aws.lambda.functions.pricing.retry.budget.enabled=false")
			.run((context) -> {
				LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
				for (int i = 0; i < 3; i++) {
					assertThatExceptionOfType(LambdaServerException.class)
						.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class));
				}
				assertThat(invocations(wireMock, "pricing")).hasSize(9);
				assertThat(context.getBean(MeterRegistry.class).find(RetryMetricsListener.BUDGET_METER_NAME).gauge())
					.isNull();
			});
	}

	private static double tokens(MeterRegistry meters) {
		return meters.get(RetryMetricsListener.BUDGET_METER_NAME).tag("function", "pricing").gauge().value();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = PricingFunctions.class)
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface PricingFunctions {

		String quote(String request);

	}

}

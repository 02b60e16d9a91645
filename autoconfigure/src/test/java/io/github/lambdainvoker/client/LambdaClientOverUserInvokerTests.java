package io.github.lambdainvoker.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaClientWireTests.AuditEvent;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accepted;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link LambdaClient @LambdaClient} proxies work over any
 * {@link LambdaInvoker}, not only the default one: an application's own invoker bean,
 * here one that records each request before passing it on, serves every client method,
 * with the options the methods declare filled into its requests.
 */
class LambdaClientOverUserInvokerTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String QUOTE_JSON = "{\"sku\":\"sku-1\",\"price\":12.50}";

	private final RecordingInvoker invoker = new RecordingInvoker(
			TestLambdaClients.invoker(TestLambdaClients.sync(wireMock.baseUrl())));

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class)
		.withBean(LambdaInvoker.class, () -> this.invoker);

	@Test
	void userInvokerBeanServesClientMethodsAndReadsTheirResultTypes() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			LambdaClientWireTests.PricingFunctions pricing = context
				.getBean(LambdaClientWireTests.PricingFunctions.class);
			assertThat(pricing.quote(new QuoteRequest("sku-1", 2)))
				.isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			assertThat(this.invoker.requests).singleElement().satisfies((request) -> {
				assertThat(request.function()).isEqualTo("pricing");
				assertThat(request.payload()).isEqualTo(new QuoteRequest("sku-1", 2));
			});
			assertThat(onlyInvocation(wireMock, "pricing").getBodyAsString())
				.isEqualTo("{\"sku\":\"sku-1\",\"quantity\":2}");
		});
	}

	@Test
	void userInvokerReceivesTheOptionsMethodsDeclare() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()));
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			LambdaClientWireTests.PricingFunctions pricing = context
				.getBean(LambdaClientWireTests.PricingFunctions.class);
			pricing.audit(new AuditEvent("quoted"));
			pricing.liveQuote(new QuoteRequest("sku-1", 2));
			pricing.quoteAlwaysWithLog(new QuoteRequest("sku-1", 2));
			assertThat(this.invoker.requests).hasSize(3);
			assertThat(this.invoker.requests.get(0).invocationType()).isEqualTo(InvocationType.EVENT);
			assertThat(this.invoker.requests.get(1).qualifier()).isEqualTo("live");
			assertThat(this.invoker.requests.get(2).logType()).isEqualTo(LogType.TAIL);
			assertThat(invocations(wireMock, "audit")).singleElement()
				.satisfies((request) -> assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event"));
			assertThat(invocations(wireMock, "pricing")).hasSize(2);
			assertThat(invocations(wireMock, "pricing").get(0).getQueryParams().get("Qualifier").firstValue())
				.isEqualTo("live");
			assertThat(invocations(wireMock, "pricing").get(1).getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
		});
	}

	@Test
	void userInvokerReadsGenericResults() {
		wireMock.stubFor(invocation("pricing").willReturn(result("[" + QUOTE_JSON + "]")));
		this.contextRunner.run((context) -> {
			List<Quote> quotes = context.getBean(LambdaClientWireTests.PricingFunctions.class).quotes();
			assertThat(quotes).containsExactly(new Quote("sku-1", new BigDecimal("12.50")));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = LambdaClientWireTests.PricingFunctions.class)
	static class ClientsConfiguration {

	}

	/**
	 * An application's own invoker: records each request, then hands it to another
	 * invoker. It implements only the methods {@link LambdaInvoker} requires.
	 */
	static final class RecordingInvoker implements LambdaInvoker {

		final List<LambdaRequest> requests = new CopyOnWriteArrayList<>();

		private final DefaultLambdaInvoker delegate;

		RecordingInvoker(DefaultLambdaInvoker delegate) {
			this.delegate = delegate;
		}

		@Override
		public <T> LambdaResponse<T> invoke(LambdaRequest request, Class<T> resultType) {
			this.requests.add(request);
			return this.delegate.invoke(request, resultType);
		}

		@Override
		public <T> LambdaResponse<T> invoke(LambdaRequest request, ParameterizedTypeReference<T> resultType) {
			this.requests.add(request);
			return this.delegate.invoke(request, resultType);
		}

		@Override
		public LambdaResponse<byte[]> exchange(LambdaRequest request) {
			this.requests.add(request);
			return this.delegate.exchange(request);
		}

		@Override
		public <T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request, Class<T> resultType) {
			this.requests.add(request);
			return this.delegate.invokeAsync(request, resultType);
		}

		@Override
		public <T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request,
				ParameterizedTypeReference<T> resultType) {
			this.requests.add(request);
			return this.delegate.invokeAsync(request, resultType);
		}

	}

}

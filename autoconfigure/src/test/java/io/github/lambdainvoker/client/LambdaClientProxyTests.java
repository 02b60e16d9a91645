package io.github.lambdainvoker.client;

import java.math.BigDecimal;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the proxies behind {@link LambdaClient @LambdaClient} interfaces: default
 * methods, {@code Object} methods and clients created with a qualifier of their own.
 */
class LambdaClientProxyTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String QUOTE_JSON = "{\"sku\":\"sku-1\",\"price\":12.50}";

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	@Test
	void defaultMethodRunsAsWrittenAndCallsTheFunctionThroughTheProxy() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			BigDecimal price = context.getBean(PricingFunctions.class).priceOf("sku-1");
			assertThat(price).isEqualByComparingTo("12.50");
			assertThat(onlyInvocation(wireMock, "pricing").getBodyAsString())
				.isEqualTo("{\"sku\":\"sku-1\",\"quantity\":1}");
		});
	}

	@Test
	void toStringNamesTheInterface() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PricingFunctions.class))
			.hasToString("LambdaClient[" + PricingFunctions.class.getName() + "]"));
	}

	@Test
	void equalsAndHashCodeFollowTheProxyIdentity() {
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			PricingFunctions other = context.getBean(LambdaClientFactory.class).createClient(PricingFunctions.class);
			assertThat(pricing).isEqualTo(pricing).isNotEqualTo(other).isNotEqualTo(null);
			assertThat(pricing.hashCode()).isEqualTo(System.identityHashCode(pricing));
			assertThat(wireMock.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void clientCreatedWithAQualifierSendsItUnlessAnArgumentNamesAnother() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			PricingFunctions canary = context.getBean(LambdaClientFactory.class)
				.createClient(PricingFunctions.class, "canary");
			assertThat(canary).hasToString("LambdaClient[" + PricingFunctions.class.getName() + ", qualifier=canary]");
			canary.quote(new QuoteRequest("sku-1", 1));
			canary.quoteFor(new QuoteRequest("sku-1", 1), "beta");
			List<LoggedRequest> requests = invocations(wireMock, "pricing");
			assertThat(requests).extracting((request) -> request.queryParameter("Qualifier").firstValue())
				.containsExactly("canary", "beta");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = PricingFunctions.class)
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface PricingFunctions {

		Quote quote(QuoteRequest request);

		Quote quoteFor(QuoteRequest request, @FunctionQualifier String qualifier);

		default BigDecimal priceOf(String sku) {
			return quote(new QuoteRequest(sku, 1)).price();
		}

	}

}

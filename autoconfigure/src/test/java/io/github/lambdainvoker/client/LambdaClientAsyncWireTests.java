package io.github.lambdainvoker.client;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.client.LambdaClientWireTests.AuditEvent;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accepted;
import static io.github.lambdainvoker.client.LambdaWireMock.functionError;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code CompletableFuture} methods of {@link LambdaClient @LambdaClient}
 * interfaces through the asynchronous SDK client, against a Lambda API on WireMock.
 */
class LambdaClientAsyncWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String QUOTE_JSON = "{\"sku\":\"sku-1\",\"price\":12.50}";

	private static final QuoteRequest QUOTE_REQUEST = new QuoteRequest("sku-1", 2);

	private final ApplicationContextRunner contextRunner = LambdaWireMock.asyncContextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	@Test
	void asyncCallCompletesWithTheResult() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(LambdaAsyncClient.class);
			CompletableFuture<Quote> quote = context.getBean(AsyncPricingFunctions.class).quote(QUOTE_REQUEST);
			assertThat(quote.get()).isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			LoggedRequest request = onlyInvocation(wireMock, "pricing");
			assertThat(request.getBodyAsString()).isEqualTo("{\"sku\":\"sku-1\",\"quantity\":2}");
			// Sent by the asynchronous SDK client, built for this first asynchronous
			// call.
			assertThat(request.getHeader("User-Agent")).contains("md/http#NettyNio");
		});
	}

	@Test
	void asyncCallReturningLambdaResponseCompletesWithTheResponse() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON, "3")));
		this.contextRunner.run((context) -> {
			LambdaResponse<Quote> response = context.getBean(AsyncPricingFunctions.class)
				.quoteWithDetails(QUOTE_REQUEST)
				.get();
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.executedVersion()).isEqualTo("3");
			assertThat(response.payload()).isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void asyncCallReturningOptionalCompletesEmptyForAnEmptyPayload() {
		wireMock.stubFor(invocation("pricing").willReturn(result("")));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(AsyncPricingFunctions.class).findQuote(QUOTE_REQUEST).get()).isEmpty();
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void asyncEventCallCompletesOnceAccepted() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(AsyncPricingFunctions.class).audit(new AuditEvent("quoted")).get()).isNull();
			assertThat(onlyInvocation(wireMock, "audit").getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		});
	}

	@Test
	void asyncCallCompletesExceptionallyWithTheDeclaredExceptionForAFunctionError() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("SoldOutException", "sku-1 is sold out")));
		this.contextRunner.run((context) -> {
			CompletableFuture<Quote> quote = context.getBean(AsyncPricingFunctions.class).quoteOrSoldOut(QUOTE_REQUEST);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(quote::get)
				.havingCause()
				.isInstanceOf(SoldOutException.class)
				.withMessage("sku-1 is sold out")
				.withCauseInstanceOf(LambdaFunctionException.class);
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void asyncCallCompletesExceptionallyWithLambdaFunctionExceptionForAnUndeclaredError() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("ValueError", "bad sku")));
		this.contextRunner.run((context) -> {
			CompletableFuture<Quote> quote = context.getBean(AsyncPricingFunctions.class).quote(QUOTE_REQUEST);
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(quote::get)
				.havingCause()
				.isInstanceOfSatisfying(LambdaFunctionException.class,
						(ex) -> assertThat(ex.getErrorType()).isEqualTo("ValueError"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = AsyncPricingFunctions.class)
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface AsyncPricingFunctions {

		CompletableFuture<Quote> quote(QuoteRequest request);

		CompletableFuture<Quote> quoteOrSoldOut(QuoteRequest request) throws SoldOutException;

		CompletableFuture<LambdaResponse<Quote>> quoteWithDetails(QuoteRequest request);

		CompletableFuture<Optional<Quote>> findQuote(QuoteRequest request);

		@LambdaFunction(value = "audit", invocationType = InvocationType.EVENT)
		CompletableFuture<Void> audit(AuditEvent event);

	}

	public static class SoldOutException extends Exception {

		public SoldOutException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}

package io.github.lambdainvoker.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.FunctionError;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accepted;
import static io.github.lambdainvoker.client.LambdaWireMock.clientContext;
import static io.github.lambdainvoker.client.LambdaWireMock.encodedLog;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClient @LambdaClient} interfaces against a Lambda API on
 * WireMock: every parameter kind and synchronous return type, asserted on the wire.
 */
class LambdaClientWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	private static final String QUOTE_JSON = "{\"sku\":\"sku-1\",\"price\":12.50}";

	private static final QuoteRequest QUOTE_REQUEST = new QuoteRequest("sku-1", 2);

	@Test
	void callWithPayloadSendsItAsJsonAndReadsTheResult() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			Quote quote = context.getBean(PricingFunctions.class).quote(QUOTE_REQUEST);
			assertThat(quote).isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			LoggedRequest request = onlyInvocation(wireMock, "pricing");
			assertThat(request.getBodyAsString()).isEqualTo("{\"sku\":\"sku-1\",\"quantity\":2}");
			assertThat(request.containsHeader("X-Amz-Invocation-Type")).as("RequestResponse is Lambda's default")
				.isFalse();
			assertThat(request.containsHeader("X-Amz-Log-Type")).isFalse();
			assertThat(request.containsHeader("X-Amz-Client-Context")).isFalse();
			assertThat(request.containsHeader("X-Amz-Tenant-Id")).isFalse();
			assertThat(request.getQueryParams()).doesNotContainKey("Qualifier");
			assertThat(request.getHeader("Authorization")).matches("AWS4-HMAC-SHA256 Credential=\\S+/\\d{8}/"
					+ "us-east-1/lambda/aws4_request, SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, "
					+ "Signature=[0-9a-f]{64}");
		});
	}

	@Test
	void callWithoutParametersSendsAnEmptyPayloadAndReadsAGenericList() {
		wireMock.stubFor(invocation("pricing").willReturn(result("[" + QUOTE_JSON + "]")));
		this.contextRunner.run((context) -> {
			List<Quote> quotes = context.getBean(PricingFunctions.class).quotes();
			assertThat(quotes).containsExactly(new Quote("sku-1", new BigDecimal("12.50")));
			assertThat(onlyInvocation(wireMock, "pricing").getBody()).isEmpty();
		});
	}

	@Test
	void callReadsAGenericMapResult() {
		wireMock.stubFor(invocation("pricing").willReturn(result("{\"sku-1\":" + QUOTE_JSON + "}")));
		this.contextRunner.run((context) -> {
			Map<String, Quote> quotes = context.getBean(PricingFunctions.class).quotesBySku(List.of("sku-1"));
			assertThat(quotes).containsExactly(Map.entry("sku-1", new Quote("sku-1", new BigDecimal("12.50"))));
			assertThat(onlyInvocation(wireMock, "pricing").getBodyAsString()).isEqualTo("[\"sku-1\"]");
		});
	}

	@Test
	void callReadsAResultTypeBoundByAGenericSuperInterface() {
		wireMock.stubFor(invocation("catalog").willReturn(result("{\"id\":\"p-1\",\"name\":\"Kettle\"}")));
		this.contextRunner.run((context) -> {
			Product product = context.getBean(CatalogFunctions.class).find("p-1");
			assertThat(product).isEqualTo(new Product("p-1", "Kettle"));
			assertThat(onlyInvocation(wireMock, "catalog").getBodyAsString()).isEqualTo("p-1");
		});
	}

	@Test
	void callReturningOptionalIsEmptyForANullPayload() {
		wireMock.stubFor(invocation("pricing").willReturn(result("null")));
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(PricingFunctions.class).findQuote(QUOTE_REQUEST)).isEmpty();
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void callReturningOptionalHoldsThePayload() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> assertThat(context.getBean(PricingFunctions.class).findQuote(QUOTE_REQUEST))
			.contains(new Quote("sku-1", new BigDecimal("12.50"))));
	}

	@Test
	void callReturningAPrimitiveReadsIt() {
		wireMock.stubFor(invocation("pricing").willReturn(result("42")));
		this.contextRunner.run((context) -> assertThat(context.getBean(PricingFunctions.class).count()).isEqualTo(42));
	}

	@Test
	void voidCallWithEventInvocationTypeReturnsOnceAccepted() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).audit(new AuditEvent("quoted"));
			LoggedRequest request = onlyInvocation(wireMock, "audit");
			assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
			assertThat(request.getBodyAsString()).isEqualTo("{\"action\":\"quoted\"}");
		});
	}

	@Test
	void voidCallWithRequestResponseWaitsAndDiscardsThePayload() {
		wireMock.stubFor(invocation("audit").willReturn(result("{\"ignored\":true}")));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).auditAndWait(new AuditEvent("quoted"));
			assertThat(onlyInvocation(wireMock, "audit").containsHeader("X-Amz-Invocation-Type"))
				.as("RequestResponse is Lambda's default")
				.isFalse();
		});
	}

	@Test
	void rawPayloadsPassThroughUnchanged() {
		byte[] bytes = { 0, 1, 2, (byte) 0xff };
		wireMock.stubFor(invocation("raw").willReturn(result("").withBody(bytes)));
		this.contextRunner.run((context) -> {
			RawFunctions raw = context.getBean(RawFunctions.class);
			assertThat(raw.bytes(bytes)).containsExactly(bytes);
			assertThat(raw.text("not json")).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
			try (InputStream stream = raw.stream(new ByteArrayInputStream(bytes))) {
				assertThat(stream).hasBinaryContent(bytes);
			}
			List<LoggedRequest> requests = LambdaWireMock.invocations(wireMock, "raw");
			assertThat(requests).hasSize(3);
			assertThat(requests.get(0).getBody()).containsExactly(bytes);
			assertThat(requests.get(1).getBodyAsString()).isEqualTo("not json");
			assertThat(requests.get(2).getBody()).containsExactly(bytes);
		});
	}

	@Test
	void callReturningLambdaResponseExposesStatusVersionAndLogTail() {
		String log = "START RequestId: 1\nEND RequestId: 1";
		wireMock.stubFor(invocation("pricing")
			.willReturn(result(QUOTE_JSON, "7").withHeader("X-Amz-Log-Result", encodedLog(log))));
		this.contextRunner.run((context) -> {
			LambdaResponse<Quote> response = context.getBean(PricingFunctions.class).quoteWithLog(QUOTE_REQUEST, true);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.executedVersion()).isEqualTo("7");
			assertThat(response.functionError()).isEqualTo(FunctionError.NONE);
			assertThat(response.logTail()).isEqualTo(log);
			assertThat(response.payload()).isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			assertThat(onlyInvocation(wireMock, "pricing").getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
		});
	}

	@Test
	void logTailArgumentFalseAsksForNoLog() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			LambdaResponse<Quote> response = context.getBean(PricingFunctions.class).quoteWithLog(QUOTE_REQUEST, false);
			assertThat(response.logTail()).isNull();
			assertThat(onlyInvocation(wireMock, "pricing").containsHeader("X-Amz-Log-Type")).isFalse();
		});
	}

	@Test
	void logTailOnTheMethodAsksForTheLogOnEveryCall() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).quoteAlwaysWithLog(QUOTE_REQUEST);
			assertThat(onlyInvocation(wireMock, "pricing").getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
		});
	}

	@Test
	void clientContextMapIsSentAsTheCustomSection() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			LambdaResponse<Quote> response = context.getBean(PricingFunctions.class)
				.quoteWithDetails(QUOTE_REQUEST, Map.of("tenant", "acme"));
			assertThat(response.payload()).isEqualTo(new Quote("sku-1", new BigDecimal("12.50")));
			assertThat(clientContext(onlyInvocation(wireMock, "pricing")))
				.isEqualTo("{\"custom\":{\"tenant\":\"acme\"}}");
		});
	}

	@Test
	void clientContextRecordIsSentWithEverySection() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class)
				.quoteWithContext(QUOTE_REQUEST, new ClientContext(Map.of("tenant", "acme"), Map.of("platform", "jvm"),
						Map.of("app_title", "shop")));
			assertThat(clientContext(onlyInvocation(wireMock, "pricing")))
				.isEqualTo("{\"custom\":{\"tenant\":\"acme\"},\"env\":{\"platform\":\"jvm\"},"
						+ "\"client\":{\"app_title\":\"shop\"}}");
		});
	}

	@Test
	void nullClientContextArgumentSendsNoClientContext() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).quoteWithDetails(QUOTE_REQUEST, null);
			assertThat(onlyInvocation(wireMock, "pricing").containsHeader("X-Amz-Client-Context")).isFalse();
		});
	}

	@Test
	void functionQualifierArgumentIsSentAsTheQualifierParameter() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).quoteFor(QUOTE_REQUEST, "canary");
			assertThat(onlyInvocation(wireMock, "pricing").queryParameter("Qualifier").firstValue())
				.isEqualTo("canary");
		});
	}

	@Test
	void functionQualifierArgumentOverridesTheDeclaredQualifier() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			pricing.liveQuoteFor(QUOTE_REQUEST, null);
			pricing.liveQuoteFor(QUOTE_REQUEST, "canary");
			List<LoggedRequest> requests = LambdaWireMock.invocations(wireMock, "pricing");
			assertThat(requests).extracting((request) -> request.queryParameter("Qualifier").firstValue())
				.containsExactly("live", "canary");
		});
	}

	@Test
	void methodQualifierIsSentAsTheQualifierParameter() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).liveQuote(QUOTE_REQUEST);
			assertThat(onlyInvocation(wireMock, "pricing").queryParameter("Qualifier").firstValue()).isEqualTo("live");
		});
	}

	@Test
	void functionNameWithAliasIsSentWithItsColonEncoded() {
		wireMock.stubFor(invocation("pricing:live").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).quoteFromAlias(QUOTE_REQUEST);
			LoggedRequest request = onlyInvocation(wireMock, "pricing:live");
			assertThat(request.getUrl()).startsWith("/2015-03-31/functions/pricing%3Alive/invocations");
			assertThat(request.getQueryParams()).doesNotContainKey("Qualifier");
		});
	}

	@Test
	void tenantIdArgumentIsSentAsTheTenantHeader() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			context.getBean(PricingFunctions.class).quoteForTenant(QUOTE_REQUEST, "tenant-42");
			assertThat(onlyInvocation(wireMock, "pricing").getHeader("X-Amz-Tenant-Id")).isEqualTo("tenant-42");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = { PricingFunctions.class, CatalogFunctions.class, RawFunctions.class })
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface PricingFunctions {

		Quote quote(QuoteRequest request);

		List<Quote> quotes();

		Map<String, Quote> quotesBySku(List<String> skus);

		Optional<Quote> findQuote(QuoteRequest request);

		int count();

		@LambdaFunction(value = "audit", invocationType = InvocationType.EVENT)
		void audit(AuditEvent event);

		@LambdaFunction("audit")
		void auditAndWait(AuditEvent event);

		LambdaResponse<Quote> quoteWithLog(QuoteRequest request, @LogTail boolean logTail);

		@LogTail
		LambdaResponse<Quote> quoteAlwaysWithLog(QuoteRequest request);

		LambdaResponse<Quote> quoteWithDetails(QuoteRequest request, @ClientContextValues Map<String, String> custom);

		Quote quoteWithContext(QuoteRequest request, @ClientContextValues ClientContext context);

		Quote quoteFor(QuoteRequest request, @FunctionQualifier String alias);

		@LambdaFunction(qualifier = "live")
		Quote liveQuote(QuoteRequest request);

		@LambdaFunction(qualifier = "live")
		Quote liveQuoteFor(QuoteRequest request, @FunctionQualifier String alias);

		@LambdaFunction("pricing:live")
		Quote quoteFromAlias(QuoteRequest request);

		Quote quoteForTenant(QuoteRequest request, @TenantId String tenant);

	}

	public interface Lookup<T> {

		T find(String id);

	}

	@LambdaClient("catalog")
	public interface CatalogFunctions extends Lookup<Product> {

	}

	@LambdaClient("raw")
	public interface RawFunctions {

		byte[] bytes(byte[] payload);

		String text(String payload);

		InputStream stream(InputStream payload);

	}

	public record QuoteRequest(String sku, int quantity) {

	}

	public record Quote(String sku, BigDecimal price) {

	}

	public record AuditEvent(String action) {

	}

	public record Product(String id, String name) {

	}

}

package io.github.lambdainvoker.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Health of configured functions against a Lambda endpoint on the wire: what a probe
 * sends, how each answer is reported, and how caching, timeouts and concurrency bound the
 * load a polled health endpoint puts on Lambda.
 */
class LambdaHealthWireTests {

	private static final String PRICING_PATH = "/2015-03-31/functions/pricing-prod/invocations";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static LambdaClient client;

	private final LambdaProperties properties = new LambdaProperties();

	private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-lambda-health-");

	@BeforeAll
	static void createClient() {
		client = TestLambdaClients.sync(wireMock.baseUrl());
		// Warm the client up, so that timings measure probes rather than class loading.
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
		client.invoke(InvokeRequest.builder().functionName("warm-up").invocationType("DryRun").build());
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@Test
	void functionThatMayBeInvokedIsUpAndWasNotRun() {
		stubPricing(aResponse().withStatus(204));
		Health health = checks(Duration.ofSeconds(30), Duration.ofSeconds(2)).health("pricing");
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsExactly(Map.entry("functionName", "pricing-prod"),
				Map.entry("qualifier", "live"));
		LoggedRequest request = wireMock.findAll(anyRequestedFor(anyUrl())).get(0);
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo(PRICING_PATH + "?Qualifier=live");
		assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("DryRun");
		assertThat(request.getBody()).isEmpty();
	}

	@ParameterizedTest(name = "HTTP {0} {1}")
	@CsvSource({ "404, ResourceNotFoundException", "403, AccessDeniedException", "500, ServiceException",
			"502, KMSAccessDeniedException" })
	void functionWhoseCheckFailsIsDownWithLambdasErrorCodeAndIsNotRetried(int status, String errorCode) {
		stubPricing(error(status, errorCode));
		Health health = checks(Duration.ofSeconds(30), Duration.ofSeconds(2)).health("pricing");
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("functionName", "pricing-prod")
			.containsEntry("statusCode", status)
			.containsEntry("errorCode", errorCode)
			.containsEntry("error", errorCode + " message");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void throttledCheckIsUpWithADetailRatherThanFlapping() {
		stubPricing(error(429, "TooManyRequestsException"));
		Health health = checks(Duration.ofSeconds(30), Duration.ofSeconds(2)).health("pricing");
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("throttled", true)
			.containsEntry("errorCode", "TooManyRequestsException");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void connectionFailureIsDown() {
		stubPricing(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
		Health health = checks(Duration.ofSeconds(30), Duration.ofSeconds(2)).health("pricing");
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("error");
	}

	@Test
	void resultIsReusedWithinTheTimeToLive() {
		stubPricing(aResponse().withStatus(204));
		FunctionHealthChecks checks = checks(Duration.ofSeconds(30), Duration.ofSeconds(2));
		for (int i = 0; i < 5; i++) {
			assertThat(checks.health("pricing").getStatus()).isEqualTo(Status.UP);
		}
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void failedResultIsReusedWithinTheTimeToLiveToo() {
		stubPricing(error(404, "ResourceNotFoundException"));
		FunctionHealthChecks checks = checks(Duration.ofSeconds(30), Duration.ofSeconds(2));
		checks.health("pricing");
		checks.health("pricing");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void expiredResultIsCheckedAgain() {
		stubPricing(aResponse().withStatus(204));
		FunctionHealthChecks checks = checks(Duration.ofMillis(100), Duration.ofSeconds(2));
		checks.health("pricing");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			checks.health("pricing");
			wireMock.verify(2, anyRequestedFor(anyUrl()));
		});
	}

	@Test
	void checkWithoutAnswerWithinItsTimeoutIsDown() {
		stubPricing(aResponse().withStatus(204).withFixedDelay(3000));
		long start = System.nanoTime();
		Health health = checks(Duration.ofSeconds(30), Duration.ofMillis(300)).health("pricing");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("timeout", "300ms")
			.containsEntry("error", "No answer within 300ms");
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void functionsAreCheckedConcurrently() {
		function("pricing", "pricing-prod", "live");
		function("orders", "orders-prod", null);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204).withFixedDelay(500)));
		LambdaHealthContributor contributor = new LambdaHealthContributor(
				checks(Duration.ofSeconds(30), Duration.ofSeconds(2)));
		long start = System.nanoTime();
		// Read the entries one after the other, as the health endpoint does.
		Map<String, Status> statuses = new LinkedHashMap<>();
		contributor.forEach(
				(entry) -> statuses.put(entry.name(), ((HealthIndicator) entry.contributor()).health().getStatus()));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(statuses).containsExactly(Map.entry("pricing", Status.UP), Map.entry("orders", Status.UP));
		assertThat(elapsed).isLessThan(Duration.ofMillis(950));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	@ParameterizedTest(name = "State {0}, LastUpdateStatus {1}: {2}")
	@CsvSource({ "Active, Successful, UP", "Inactive, Successful, UP", "Active, InProgress, UP",
			"Pending, InProgress, DOWN", "Failed, Failed, DOWN", "Active, Failed, DOWN" })
	void configurationModeReportsStateAndLastUpdateStatus(String state, String lastUpdateStatus, String status) {
		wireMock.stubFor(get(urlPathEqualTo("/2015-03-31/functions/pricing-prod/configuration"))
			.willReturn(aResponse().withStatus(200)
				.withBody("{\"FunctionName\":\"pricing-prod\",\"State\":\"" + state + "\",\"StateReason\":\"why\","
						+ "\"LastUpdateStatus\":\"" + lastUpdateStatus
						+ "\",\"LastUpdateStatusReason\":\"because\"}")));
		function("pricing", "pricing-prod", "live");
		Health health = new FunctionHealthChecks(functions(),
				new FunctionConfigurationProbe(client, Duration.ofSeconds(2)), this.executor, Duration.ofSeconds(30),
				Duration.ofSeconds(2))
			.health("pricing");
		assertThat(health.getStatus()).isEqualTo(new Status(status));
		assertThat(health.getDetails()).containsEntry("state", state)
			.containsEntry("lastUpdateStatus", lastUpdateStatus);
		wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2015-03-31/functions/pricing-prod/configuration")));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl())).get(0).queryParameter("Qualifier").firstValue())
			.isEqualTo("live");
	}

	@Test
	void configurationModeReportsAMissingFunctionAsDown() {
		wireMock.stubFor(get(anyUrl()).willReturn(error(404, "ResourceNotFoundException")));
		function("pricing", "pricing-prod", "live");
		Health health = new FunctionHealthChecks(functions(),
				new FunctionConfigurationProbe(client, Duration.ofSeconds(2)), this.executor, Duration.ofSeconds(30),
				Duration.ofSeconds(2))
			.health("pricing");
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("errorCode", "ResourceNotFoundException");
	}

	private FunctionHealthChecks checks(Duration timeToLive, Duration timeout) {
		if (this.properties.getFunctions().isEmpty()) {
			function("pricing", "pricing-prod", "live");
		}
		return new FunctionHealthChecks(functions(), new DryRunProbe(client, timeout), this.executor, timeToLive,
				timeout);
	}

	private void function(String key, String name, @Nullable String qualifier) {
		LambdaProperties.Function function = new LambdaProperties.Function();
		function.setFunctionName(name);
		function.setQualifier(qualifier);
		this.properties.getFunctions().put(key, function);
	}

	private Map<String, ResolvedFunction> functions() {
		FunctionRegistry registry = TestFunctionRegistries.from(this.properties);
		Map<String, ResolvedFunction> functions = new LinkedHashMap<>();
		this.properties.getFunctions().keySet().forEach((key) -> functions.put(key, registry.resolve(key)));
		return functions;
	}

	private static void stubPricing(ResponseDefinitionBuilder response) {
		wireMock.stubFor(post(urlPathEqualTo(PRICING_PATH)).willReturn(response));
	}

	private static ResponseDefinitionBuilder error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("X-Amzn-ErrorType", code)
			.withBody("{\"Type\":\"User\",\"message\":\"" + code + " message\"}");
	}

}

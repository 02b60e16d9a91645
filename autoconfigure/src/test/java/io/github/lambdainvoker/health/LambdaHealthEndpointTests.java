package io.github.lambdainvoker.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The {@code lambda} contributor through the actuator health endpoint of a running web
 * application: details appear only where {@code show-details} allows them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "aws.lambda.region=eu-west-1", "aws.lambda.functions.pricing.function-name=pricing-prod",
				"aws.lambda.functions.orders.function-name=orders-prod",
				"management.endpoint.health.show-components=always", "management.endpoint.health.show-details=never",
				"management.endpoint.health.group.aws.include=lambda",
				"management.endpoint.health.group.aws.show-details=always" })
@Tag("security")
class LambdaHealthEndpointTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.resetOnEachTest(false)
		.build();

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void lambdaEndpoint(DynamicPropertyRegistry registry) {
		registry.add("aws.lambda.endpoint", wireMock::baseUrl);
	}

	@BeforeAll
	static void stubFunctions() {
		wireMock.stubFor(post(urlPathEqualTo("/2015-03-31/functions/pricing-prod/invocations"))
			.willReturn(aResponse().withStatus(204)));
		wireMock.stubFor(post(urlPathEqualTo("/2015-03-31/functions/orders-prod/invocations"))
			.willReturn(aResponse().withStatus(404)
				.withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
				.withBody("{\"Type\":\"User\",\"message\":\"Function not found: orders-prod\"}")));
	}

	@Test
	void healthEndpointShowsEachFunctionsStatusButNoDetailsWhenDetailsAreHidden() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode lambda = JsonMapper.shared().readTree(response.body()).at("/components/lambda");
		assertThat(lambda.at("/status").asString()).isEqualTo("DOWN");
		assertThat(lambda.at("/components/pricing/status").asString()).isEqualTo("UP");
		assertThat(lambda.at("/components/orders/status").asString()).isEqualTo("DOWN");
		assertThat(lambda.at("/components/pricing").has("details")).isFalse();
		assertThat(lambda.at("/components/orders").has("details")).isFalse();
	}

	@Test
	void healthEndpointWithHiddenDetailsRevealsNoFunctionNameOrErrorAnywhereInItsBody() throws Exception {
		String body = get("/actuator/health").body();
		assertThat(body).doesNotContain("pricing-prod", "orders-prod", "ResourceNotFoundException",
				"Function not found", "404", "statusCode", "errorCode");
	}

	@Test
	void healthGroupThatShowsDetailsShowsLambdasErrorCode() throws Exception {
		HttpResponse<String> response = get("/actuator/health/aws");
		assertThat(response.statusCode()).isEqualTo(503);
		JsonNode lambda = JsonMapper.shared().readTree(response.body()).at("/components/lambda");
		assertThat(lambda.at("/components/pricing/details/functionName").asString()).isEqualTo("pricing-prod");
		JsonNode orders = lambda.at("/components/orders/details");
		assertThat(orders.at("/functionName").asString()).isEqualTo("orders-prod");
		assertThat(orders.at("/statusCode").asInt()).isEqualTo(404);
		assertThat(orders.at("/errorCode").asString()).isEqualTo("ResourceNotFoundException");
		assertThat(orders.at("/error").asString()).isEqualTo("Function not found: orders-prod");
	}

	@Test
	void pollingTheEndpointChecksEachFunctionOncePerTimeToLive() throws Exception {
		for (int i = 0; i < 3; i++) {
			get("/actuator/health");
			get("/actuator/health/aws");
		}
		// All tests of this class run well within the 30s time-to-live: whatever their
		// order, each function was probed once.
		wireMock.verify(1, postRequestedFor(urlPathEqualTo("/2015-03-31/functions/pricing-prod/invocations")));
		wireMock.verify(1, postRequestedFor(urlPathEqualTo("/2015-03-31/functions/orders-prod/invocations")));
		wireMock.verify(2, anyRequestedFor(anyUrl()));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
		}

		// Asynchronous calls are not used here; a mock spares closing a Netty event loop.
		@Bean
		LambdaAsyncClient lambdaAsyncClient() {
			return mock(LambdaAsyncClient.class);
		}

	}

}

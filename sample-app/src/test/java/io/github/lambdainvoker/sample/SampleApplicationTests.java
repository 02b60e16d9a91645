package io.github.lambdainvoker.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's endpoints, end to end: HTTP into the app, the starter's SDK client out to
 * the local emulator, the handlers and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	private RestClient http;

	@BeforeEach
	void createClient() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void placingAnOrderPricesReservesAndAudits() {
		ResponseEntity<Map<String, Object>> response = this.http.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", "book", "quantity", 2))
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).extractingByKey("quote")
			.isEqualTo(Map.of("sku", "book", "quantity", 2, "total", 25.0, "pricedBy", "1"));
		assertThat(response.getBody()).extractingByKey("reservation")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("sku", "book")
			.containsKey("reservationId");
		await().untilAsserted(
				() -> assertThat(auditTrail()).contains(Map.of("action", "ordered", "sku", "book", "detail", "25.00")));
	}

	@Test
	void orderingASoldOutProductMapsTheFunctionErrorToConflict() {
		ResponseEntity<Map<String, Object>> response = this.http.post()
			.uri("/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("sku", "sold-out", "quantity", 1))
			.retrieve()
			.toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(response.getBody()).containsEntry("error", "out-of-stock")
			.containsEntry("message", "No stock left for sold-out");
		await().untilAsserted(() -> assertThat(auditTrail())
			.contains(Map.of("action", "rejected", "sku", "sold-out", "detail", "No stock left for sold-out")));
	}

	@Test
	void pricesComeFromTheConfiguredAliasOrTheRequestedOne() {
		assertThat(get("/prices/book?quantity=3")).containsEntry("total", 37.5).containsEntry("pricedBy", "1");
		assertThat(get("/prices/book?quantity=3&alias=canary")).containsEntry("total", 33.75)
			.containsEntry("pricedBy", "2");
	}

	@Test
	void explainReturnsTheDecodedLogTail() {
		Map<String, Object> body = get("/prices/pen/explain");
		assertThat(body).containsEntry("executedVersion", "1");
		assertThat((String) body.get("logTail")).contains("priced 1 x pen at 1.20 (version 1)");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthChecksEveryConfiguredFunction() {
		Map<String, Object> health = get("/actuator/health");
		assertThat(health).containsEntry("status", "UP");
		Map<String, Object> lambda = (Map<String, Object>) ((Map<String, Object>) health.get("components"))
			.get("lambda");
		assertThat(lambda).containsEntry("status", "UP");
		assertThat((Map<String, Object>) lambda.get("components")).containsOnlyKeys("pricing", "inventory", "audit",
				"audit-trail");
	}

	@Test
	@SuppressWarnings("unchecked")
	void metricsCountInvocationsPerFunctionAndOutcome() {
		get("/prices/book?quantity=1");
		Map<String, Object> metric = get(
				"/actuator/metrics/aws.lambda.invocations?tag=function:pricing&tag=outcome:SUCCESS");
		List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
		assertThat(measurements).filteredOn((measurement) -> "COUNT".equals(measurement.get("statistic")))
			.singleElement()
			.satisfies((count) -> assertThat(((Number) count.get("value")).doubleValue()).isGreaterThanOrEqualTo(1));
		List<Map<String, Object>> tags = (List<Map<String, Object>>) get("/actuator/metrics/aws.lambda.invocations")
			.get("availableTags");
		assertThat(tags).extracting((tag) -> tag.get("tag"))
			.contains("function", "qualifier", "invocation.type", "outcome", "error.type", "function.error");
	}

	private Map<String, Object> get(String path) {
		ResponseEntity<Map<String, Object>> response = this.http.get().uri(path).retrieve().toEntity(JSON_OBJECT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private List<Map<String, Object>> auditTrail() {
		return this.http.get().uri("/audit").retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

}

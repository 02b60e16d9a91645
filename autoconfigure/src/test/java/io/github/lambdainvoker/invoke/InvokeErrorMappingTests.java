package io.github.lambdainvoker.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One test per error the Invoke operation documents, read from the wire contract
 * ({@code invoke-contract.json}, extracted from the SDK model): each error shape and
 * status code becomes the expected exception type with its fields.
 */
class InvokeErrorMappingTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.sync();

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClient() {
		invoker = TestLambdaClients.invoker(wireMock.client());
	}

	static Stream<Arguments> documentedErrors() throws IOException {
		JsonNode contract;
		try (InputStream stream = InvokeErrorMappingTests.class.getResourceAsStream("/invoke-contract.json")) {
			contract = JsonMapper.shared().readTree(stream);
		}
		List<Arguments> arguments = new ArrayList<>();
		for (JsonNode error : contract.get("operations").get("Invoke").get("errors")) {
			String code = error.get("shape").asString();
			int status = contract.get("shapes").get(code).get("error").get("httpStatusCode").asInt();
			arguments.add(Arguments.of(code, status));
		}
		assertThat(arguments).hasSizeGreaterThanOrEqualTo(43);
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} (HTTP {1})")
	@MethodSource("documentedErrors")
	void invokeWhenLambdaReturnsDocumentedErrorThrowsMatchingException(String errorCode, int status) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
			.withHeader("X-Amzn-ErrorType", errorCode)
			.withHeader("x-amzn-RequestId", "req-" + status)
			.withBody("{\"Type\":\"User\",\"Message\":\"details of " + errorCode + "\"}")));
		Class<? extends LambdaServiceException> expectedType = expectedType(errorCode, status);
		assertThatExceptionOfType(LambdaServiceException.class)
			.isThrownBy(() -> invoker.invoke(LambdaRequest.builder("pricing").qualifier("live").build(), Void.class))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(expectedType);
				assertThat(ex.getStatusCode()).isEqualTo(status);
				assertThat(ex.getErrorCode()).isEqualTo(errorCode);
				assertThat(ex.getRequestId()).isEqualTo("req-" + status);
				assertThat(ex.getFunctionName()).isEqualTo("pricing");
				assertThat(ex.getQualifier()).isEqualTo("live");
				assertThat(ex).hasMessage("Lambda refused to invoke function 'pricing' (qualifier 'live'): " + errorCode
						+ " (HTTP " + status + "): details of " + errorCode);
			});
		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	@Test
	void invokeWhenThrottledExposesReasonAndRetryAfter() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)
			.withHeader("X-Amzn-ErrorType", "TooManyRequestsException")
			.withHeader("Retry-After", "3")
			.withBody("{\"Type\":\"User\",\"message\":\"Rate exceeded\","
					+ "\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}")));
		assertThatExceptionOfType(LambdaThrottlingException.class)
			.isThrownBy(() -> invoker.invoke("pricing", Map.of(), Void.class))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(3));
				assertThat(ex).hasMessageEndingWith("[ReservedFunctionConcurrentInvocationLimitExceeded]");
			});
	}

	@Test
	void invokeWhenErrorHasNoCodeKeepsTheStatus() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(503).withBody("")));
		assertThatExceptionOfType(LambdaServerException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Void.class))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(LambdaServerException.class);
				assertThat(ex.getStatusCode()).isEqualTo(503);
			});
	}

	/**
	 * The exact type each documented error becomes. Errors whose status has no type of
	 * its own are listed by name, so that a new status in the contract fails this test
	 * until it is given its type.
	 */
	private static Class<? extends LambdaServiceException> expectedType(String errorCode, int status) {
		return switch (errorCode) {
			// 402: the account's quota, not a problem of the request or of Lambda.
			case "ServiceQuotaExceededException" -> LambdaServiceException.class;
			// 408: an EFS or S3 Files mount or a SnapStart restore timed out.
			case "EFSMountConnectivityException", "EFSMountTimeoutException", "S3FilesMountConnectivityException",
					"S3FilesMountTimeoutException", "SnapStartTimeoutException" ->
				LambdaServiceException.class;
			// 410: the function's EFS file system failed.
			case "EFSIOException" -> LambdaServiceException.class;
			default -> switch (status) {
				case 400, 415 -> LambdaInvalidRequestException.class;
				case 403 -> LambdaAccessDeniedException.class;
				case 404 -> LambdaFunctionNotFoundException.class;
				case 409 -> LambdaConflictException.class;
				case 413 -> LambdaRequestTooLargeException.class;
				case 429 -> LambdaThrottlingException.class;
				case 500, 502 -> LambdaServerException.class;
				default -> throw new IllegalStateException(
						"No expected exception type for " + errorCode + " (HTTP " + status + ")");
			};
		};
	}

}

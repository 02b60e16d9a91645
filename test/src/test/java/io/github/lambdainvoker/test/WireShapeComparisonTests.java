package io.github.lambdainvoker.test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.invoke.FunctionError;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaFunctionNotFoundException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.LogType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each canned answer of the {@link MockLambdaServer} must reach the caller as the same
 * result or exception, with the same fields, as the hand-written WireMock stub of the
 * same Lambda answer that the starter's own tests use. Both sides are called through the
 * same auto-configured {@link LambdaInvoker}, with retries off so that every failure
 * surfaces as it came.
 */
class WireShapeComparisonTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String RETRIES_OFF = "aws.lambda.defaults.retry.enabled=false";

	private static final String ATTEMPT_TIMEOUT = "aws.lambda.defaults.attempt-timeout=10s";

	private static final String SLOW_ATTEMPT_TIMEOUT = "aws.lambda.functions.slow.attempt-timeout=1s";

	private static MockLambdaServer mock;

	private static ConfigurableApplicationContext wireMockContext;

	private static ConfigurableApplicationContext mockContext;

	private static LambdaInvoker viaWireMock;

	private static LambdaInvoker viaMock;

	@BeforeAll
	static void startInvokers() {
		mock = MockLambdaServer.start();
		wireMockContext = TestInvokers.context(URI.create(wireMock.baseUrl()), RETRIES_OFF, ATTEMPT_TIMEOUT,
				SLOW_ATTEMPT_TIMEOUT);
		mockContext = TestInvokers.context(mock.endpoint(), RETRIES_OFF, ATTEMPT_TIMEOUT, SLOW_ATTEMPT_TIMEOUT);
		viaWireMock = wireMockContext.getBean(LambdaInvoker.class);
		viaMock = mockContext.getBean(LambdaInvoker.class);
	}

	@AfterAll
	static void stopInvokers() {
		wireMockContext.close();
		mockContext.close();
		mock.close();
	}

	@BeforeEach
	void reset() {
		mock.reset();
		wireMock.resetAll();
	}

	@Test
	void resultWithExecutedVersionAndLogTailMatchesTheWireShape() {
		String log = "START RequestId: 1 Version: 3\npriced 2 x book\nEND RequestId: 1\n";
		Observed expected = compare(LambdaRequest.builder("pricing").logType(LogType.TAIL).build(),
				aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withHeader("X-Amz-Executed-Version", "3")
					.withHeader("X-Amz-Log-Result", base64(log))
					.withBody("{\"sku\":\"book\",\"total\":25.0}"),
				LambdaAnswer.resultJson("{\"sku\":\"book\",\"total\":25.0}").executedVersion("3").log(log));
		assertThat(expected.executedVersion()).isEqualTo("3");
		assertThat(expected.logTail()).isEqualTo(log);
	}

	@Test
	void resultOfAnObjectIsWrittenAsJson() {
		Observed expected = compare(LambdaRequest.of("pricing", null),
				aResponse().withStatus(200)
					.withHeader("X-Amz-Executed-Version", "$LATEST")
					.withBody("{\"sku\":\"book\",\"quantity\":2}"),
				LambdaAnswer.result(new Item("book", 2)));
		assertThat(expected.payload()).isEqualTo("{\"sku\":\"book\",\"quantity\":2}");
	}

	@Test
	void resultOfAnEventMatchesLambdasAcceptedAnswer() {
		Observed expected = compare(
				LambdaRequest.builder("audit").invocationType(InvocationType.EVENT).payload("{}").build(),
				aResponse().withStatus(202), LambdaAnswer.result("ignored for events"));
		assertThat(expected.statusCode()).isEqualTo(202);
	}

	@Test
	void resultOfADryRunMatchesLambdasNoContentAnswer() {
		Observed expected = compare(LambdaRequest.builder("audit").invocationType(InvocationType.DRY_RUN).build(),
				aResponse().withStatus(204), LambdaAnswer.result(null));
		assertThat(expected.statusCode()).isEqualTo(204);
	}

	@Test
	void unhandledFunctionErrorMatchesTheWireShape() {
		Observed expected = compare(LambdaRequest.of("inventory", null),
				functionErrorShape("Unhandled", "com.example.OutOfStockException", "No stock left for book"),
				LambdaAnswer.functionError("com.example.OutOfStockException", "No stock left for book"));
		assertThat(expected.type()).isEqualTo(LambdaFunctionException.class);
		assertThat(expected.functionError()).isEqualTo(FunctionError.UNHANDLED.name());
		assertThat(expected.errorType()).isEqualTo("com.example.OutOfStockException");
	}

	@Test
	void functionErrorOfAnExceptionCarriesItsTypeMessageAndFrames() {
		IllegalStateException thrown = new IllegalStateException("sold out");
		mock.expect(invocationOf("inventory")).andRespond(LambdaAnswer.functionError(thrown));
		LambdaFunctionException ex = (LambdaFunctionException) failure(viaMock, LambdaRequest.of("inventory", null));
		assertThat(ex.getErrorType()).isEqualTo("java.lang.IllegalStateException");
		assertThat(ex.getErrorMessage()).isEqualTo("sold out");
		assertThat(ex.getRemoteStackTrace()).first().asString().contains(getClass().getName());
	}

	@Test
	void handledFunctionErrorMatchesTheWireShape() {
		Observed expected = compare(LambdaRequest.of("inventory", null),
				functionErrorShape("Handled", "OutOfStock", "No stock"),
				LambdaAnswer.handledFunctionError("OutOfStock", "No stock"));
		assertThat(expected.functionError()).isEqualTo(FunctionError.HANDLED.name());
	}

	@Test
	void functionTimeoutMatchesTheWireShape() {
		mock.expect(invocationOf("pricing")).andRespond(LambdaAnswer.functionTimeout(Duration.ofSeconds(3)));
		Observed fromMock = Observed.of(viaMock, LambdaRequest.of("pricing", null));
		String requestId = mock.invocations().get(0).requestId();
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withHeader("X-Amz-Executed-Version", "$LATEST")
			.withBody("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: " + requestId
					+ " Error: Task timed out after 3.00 seconds\"}")));
		assertThat(fromMock).isEqualTo(Observed.of(viaWireMock, LambdaRequest.of("pricing", null)));
		assertThat(fromMock.timeout()).isTrue();
	}

	@Test
	void throttleWithReasonAndRetryAfterMatchesTheWireShape() {
		Observed expected = compare(LambdaRequest.of("pricing", null),
				aResponse().withStatus(429)
					.withHeader("X-Amzn-ErrorType", "TooManyRequestsException")
					.withHeader("Retry-After", "3")
					.withBody("{\"Type\":\"User\",\"message\":\"Rate Exceeded.\","
							+ "\"Reason\":\"ConcurrentInvocationLimitExceeded\"}"),
				LambdaAnswer.throttle().reason("ConcurrentInvocationLimitExceeded").retryAfter(Duration.ofSeconds(3)));
		assertThat(expected.type()).isEqualTo(LambdaThrottlingException.class);
		assertThat(expected.reason()).isEqualTo("ConcurrentInvocationLimitExceeded");
		assertThat(expected.retryAfter()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void throttleWithoutRetryAfterMatchesTheWireShape() {
		Observed expected = compare(LambdaRequest.of("pricing", null),
				aResponse().withStatus(429)
					.withHeader("X-Amzn-ErrorType", "TooManyRequestsException")
					.withBody("{\"Type\":\"User\",\"message\":\"Rate Exceeded.\","
							+ "\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}"),
				LambdaAnswer.throttle());
		assertThat(expected.retryAfter()).isNull();
	}

	static Stream<Arguments> documentedErrors() throws IOException {
		JsonNode contract = JsonMapper.shared().readTree(Files.readString(contract()));
		List<Arguments> arguments = new ArrayList<>();
		for (JsonNode error : contract.get("operations").get("Invoke").get("errors")) {
			String code = error.get("shape").asString();
			int status = contract.get("shapes").get(code).get("error").get("httpStatusCode").asInt();
			arguments.add(Arguments.of(code, status));
		}
		assertThat(arguments).hasSize(InvokeErrors.STATUS_CODES.size());
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} (HTTP {1})")
	@MethodSource("documentedErrors")
	void apiErrorMatchesTheWireShapeOfEachDocumentedError(String code, int status) {
		Observed expected = compare(LambdaRequest.builder("pricing").qualifier("live").build(),
				aResponse().withStatus(status)
					.withHeader("X-Amzn-ErrorType", code)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"Type\":\"" + ((status >= 500) ? "Service" : "User") + "\",\"message\":\"details of "
							+ code + "\""
							+ ("TooManyRequestsException".equals(code)
									? ",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"" : "")
							+ "}"),
				LambdaAnswer.apiError(code, "details of " + code));
		assertThat(expected.statusCode()).isEqualTo(status);
		assertThat(expected.errorCode()).isEqualTo(code);
	}

	@Test
	void apiErrorWithoutMessageNamesTheMissingFunctionLikeLambda() {
		mock.expect(invocationOf("pricing")).andRespond(LambdaAnswer.apiError("ResourceNotFoundException"));
		LambdaInvocationException ex = failure(viaMock, LambdaRequest.builder("pricing").qualifier("live").build());
		assertThat(ex).isInstanceOf(LambdaFunctionNotFoundException.class)
			.hasMessageEndingWith("ResourceNotFoundException (HTTP 404): Function not found: pricing:live");
	}

	@Test
	void connectionResetMatchesTheWireShapeOfAResetAndOfAnEmptyResponse() {
		Observed expected = compare(LambdaRequest.of("pricing", null),
				aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), LambdaAnswer.connectionReset());
		assertThat(expected.type()).isEqualTo(LambdaClientException.class);
		assertThat(expected.outcomeUnknown()).isTrue();
		assertThat(compare(LambdaRequest.of("pricing", null), aResponse().withFault(Fault.EMPTY_RESPONSE),
				LambdaAnswer.connectionReset()))
			.isEqualTo(expected);
	}

	@Test
	void delayBeyondTheAttemptTimeoutMatchesTheWireShape() {
		Observed expected = compare(LambdaRequest.of("slow", null),
				aResponse().withStatus(200).withFixedDelay(3000).withBody("{}"),
				LambdaAnswer.resultJson("{}").delayedBy(Duration.ofSeconds(3)));
		assertThat(expected.type()).isEqualTo(LambdaTimeoutException.class);
		assertThat(expected.outcomeUnknown()).isTrue();
	}

	private static Observed compare(LambdaRequest request, ResponseDefinitionBuilder wireShape, LambdaAnswer answer) {
		wireMock.stubFor(post(anyUrl()).willReturn(wireShape));
		mock.expect(invocationOf(request.function())).andRespond(answer);
		Observed expected = Observed.of(viaWireMock, request);
		assertThat(Observed.of(viaMock, request)).isEqualTo(expected);
		mock.verify();
		return expected;
	}

	private static LambdaInvocationException failure(LambdaInvoker invoker, LambdaRequest request) {
		try {
			invoker.invoke(request, String.class);
		}
		catch (LambdaInvocationException ex) {
			return ex;
		}
		throw new AssertionError("Expected " + request + " to fail");
	}

	private static ResponseDefinitionBuilder functionErrorShape(String functionError, String errorType,
			String errorMessage) {
		return aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", functionError)
			.withHeader("X-Amz-Executed-Version", "$LATEST")
			.withBody("{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + errorMessage + "\"}");
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	static Path contract() {
		return Path.of("..", "autoconfigure", "src", "test", "resources", "invoke-contract.json");
	}

	/**
	 * What the caller of an Invoke call sees: the response, or the exception and its
	 * fields. Exception messages are compared for API and function errors, which carry
	 * Lambda's text; a network failure's message is the HTTP client's.
	 */
	record Observed(@Nullable Class<?> type, @Nullable String message, int statusCode, @Nullable String errorCode,
			@Nullable String executedVersion, @Nullable String functionError, @Nullable String errorType,
			@Nullable String errorMessage, boolean timeout, @Nullable String reason, @Nullable Duration retryAfter,
			boolean outcomeUnknown, @Nullable String logTail, @Nullable String payload) {

		static Observed of(LambdaInvoker invoker, LambdaRequest request) {
			try {
				LambdaResponse<String> response = invoker.invoke(request, String.class);
				return new Observed(null, null, response.statusCode(), null, response.executedVersion(),
						response.functionError().name(), null, null, false, null, null, false, response.logTail(),
						response.payloadAsString());
			}
			catch (LambdaFunctionException ex) {
				return new Observed(ex.getClass(), ex.getMessage(), ex.getResponse().statusCode(), null,
						ex.getResponse().executedVersion(), ex.getFunctionError().name(), ex.getErrorType(),
						ex.getErrorMessage(), ex.isTimeout(), null, null, false, ex.getResponse().logTail(), null);
			}
			catch (LambdaThrottlingException ex) {
				return new Observed(ex.getClass(), ex.getMessage(), ex.getStatusCode(), ex.getErrorCode(), null, null,
						null, null, false, ex.getReason(), ex.getRetryAfter(), false, null, null);
			}
			catch (LambdaServiceException ex) {
				return new Observed(ex.getClass(), ex.getMessage(), ex.getStatusCode(), ex.getErrorCode(), null, null,
						null, null, false, null, null, false, null, null);
			}
			catch (LambdaClientException ex) {
				return new Observed(ex.getClass(), null, 0, null, null, null, null, null, false, null, null,
						ex.isOutcomeUnknown(), null, null);
			}
		}

	}

	record Item(String sku, int quantity) {

	}

}

package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the retry layer sends over the wire for each kind of failure, with
 * {@code idempotent} false and true, and how timeouts bound a call.
 */
class RetryAndTimeoutWireTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.syncAndAsync(Duration.ofSeconds(5));

	private final List<String> retryReasons = new CopyOnWriteArrayList<>();

	private LambdaProperties properties;

	@BeforeEach
	void fastRetries() {
		this.properties = new LambdaProperties();
		LambdaProperties.Retry retry = this.properties.getDefaults().getRetry();
		retry.setMaxAttempts(3);
		retry.setInitialInterval(Duration.ofMillis(5));
		retry.setJitter(false);
	}

	static Stream<Arguments> apiErrors() {
		return Stream.of(Arguments.of(429, "TooManyRequestsException", 3), Arguments.of(500, "ServiceException", 3),
				Arguments.of(503, "ServiceUnavailable", 3), Arguments.of(502, "EC2ThrottledException", 3),
				Arguments.of(502, "EC2UnexpectedException", 3), Arguments.of(502, "ResourceNotReadyException", 3),
				Arguments.of(502, "ENINotReadyException", 3), Arguments.of(409, "ResourceConflictException", 3),
				Arguments.of(409, "SnapStartNotReadyException", 3), Arguments.of(408, "EFSMountTimeoutException", 3),
				Arguments.of(408, "SnapStartTimeoutException", 3), Arguments.of(502, "KMSAccessDeniedException", 1),
				Arguments.of(502, "KMSDisabledException", 1), Arguments.of(502, "KMSInvalidStateException", 1),
				Arguments.of(502, "KMSNotFoundException", 1), Arguments.of(502, "InvalidSubnetIDException", 1),
				Arguments.of(502, "InvalidSecurityGroupIDException", 1),
				Arguments.of(502, "InvalidZipFileException", 1), Arguments.of(502, "InvalidRuntimeException", 1),
				Arguments.of(502, "EC2AccessDeniedException", 1), Arguments.of(502, "ENILimitReachedException", 1),
				Arguments.of(502, "SubnetIPAddressLimitReachedException", 1),
				Arguments.of(409, "CodeArtifactUserFailedException", 1),
				Arguments.of(409, "DurableExecutionAlreadyStartedException", 1),
				Arguments.of(400, "InvalidParameterValueException", 1),
				Arguments.of(400, "InvalidRequestContentException", 1),
				Arguments.of(403, "EFSMountFailureException", 1), Arguments.of(404, "ResourceNotFoundException", 1),
				Arguments.of(413, "RequestTooLargeException", 1),
				Arguments.of(415, "UnsupportedMediaTypeException", 1));
	}

	@ParameterizedTest(name = "HTTP {0} {1}: {2} request(s) whether idempotent or not")
	@MethodSource("apiErrors")
	void apiErrorsAreRetriedOnlyWhenLambdaDidNotRunTheFunction(int status, String code, int expectedRequests) {
		for (boolean idempotent : new boolean[] { false, true }) {
			wireMock.resetAll();
			stubError(status, code);
			this.properties.getDefaults().getRetry().setIdempotent(idempotent);
			assertThatExceptionOfType(LambdaInvocationException.class)
				.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
			wireMock.verify(expectedRequests, postRequestedFor(anyUrl()));
		}
	}

	static Stream<Arguments> unknownOutcomeFaults() {
		return Stream.of(Arguments.of("connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
				Arguments.of("empty reply", aResponse().withFault(Fault.EMPTY_RESPONSE)),
				Arguments.of("random data then close", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
				Arguments.of("gateway timeout", aResponse().withStatus(504)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unknownOutcomeFaults")
	void unknownOutcomeIsSentOnceUnlessIdempotent(String fault, ResponseDefinitionBuilder response) {
		wireMock.stubFor(post(anyUrl()).willReturn(response));
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		wireMock.verify(1, postRequestedFor(anyUrl()));
		wireMock.resetRequests();
		this.properties.getDefaults().getRetry().setIdempotent(true);
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		wireMock.verify(3, postRequestedFor(anyUrl()));
		assertThat(this.retryReasons).containsExactly("unknown_outcome", "unknown_outcome");
	}

	@Test
	void eventInvocationsFollowTheSameRules() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(LambdaClientException.class).isThrownBy(() -> invoker().invokeEvent("audit", "{}"));
		wireMock.verify(1, postRequestedFor(anyUrl()));
		wireMock.resetAll();
		stubError(429, "TooManyRequestsException");
		assertThatExceptionOfType(LambdaThrottlingException.class)
			.isThrownBy(() -> invoker().invokeEvent("audit", "{}"));
		wireMock.verify(3, postRequestedFor(anyUrl()));
	}

	@Test
	void functionErrorsAreNotRetriedUnlessAskedFor() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"Boom\",\"errorMessage\":\"boom\"}")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		wireMock.verify(1, postRequestedFor(anyUrl()));
		wireMock.resetRequests();
		this.properties.getDefaults().getRetry().setRetryOnFunctionError(true);
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		wireMock.verify(3, postRequestedFor(anyUrl()));
		assertThat(this.retryReasons).containsExactly("function_error", "function_error");
	}

	@Test
	void retryStopsAtTheFirstSuccess() {
		wireMock.stubFor(post(anyUrl()).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(errorResponse(500, "ServiceException"))
			.willSetStateTo("recovered"));
		wireMock.stubFor(post(anyUrl()).inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(aResponse().withStatus(200).withBody("\"ok\"")));
		assertThat(invoker().invoke("pricing", "{}", String.class)).isEqualTo("\"ok\"");
		wireMock.verify(2, postRequestedFor(anyUrl()));
		assertThat(this.retryReasons).containsExactly("server_error");
	}

	@Test
	void retryWaitsAtLeastRetryAfter() {
		this.properties.getDefaults().getRetry().setMaxInterval(Duration.ofSeconds(2));
		wireMock.stubFor(post(anyUrl()).inScenario("throttled")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(errorResponse(429, "TooManyRequestsException").withHeader("Retry-After", "1"))
			.willSetStateTo("open"));
		wireMock.stubFor(post(anyUrl()).inScenario("throttled")
			.whenScenarioStateIs("open")
			.willReturn(aResponse().withStatus(200).withBody("\"ok\"")));
		long start = System.nanoTime();
		assertThat(invoker().invoke("pricing", "{}", String.class)).isEqualTo("\"ok\"");
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		wireMock.verify(2, postRequestedFor(anyUrl()));
	}

	@Test
	void retryAfterLongerThanMaxIntervalEndsRetries() {
		this.properties.getDefaults().getRetry().setMaxInterval(Duration.ofMillis(500));
		wireMock.stubFor(post(anyUrl())
			.willReturn(errorResponse(429, "TooManyRequestsException").withHeader("Retry-After", "30")));
		assertThatExceptionOfType(LambdaThrottlingException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", String.class));
		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	@Test
	void responseLaterThanAttemptTimeoutIsSentOnceWhenNotIdempotent() {
		this.properties.getDefaults().setAttemptTimeout(Duration.ofMillis(300));
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(2000).withBody("{}")));
		long start = System.nanoTime();
		assertThatExceptionOfType(LambdaTimeoutException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	@Test
	void responseLaterThanAttemptTimeoutIsRetriedWhenIdempotent() {
		this.properties.getDefaults().setAttemptTimeout(Duration.ofMillis(200));
		this.properties.getDefaults().getRetry().setIdempotent(true);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1000).withBody("{}")));
		assertThatExceptionOfType(LambdaTimeoutException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		wireMock.verify(3, postRequestedFor(anyUrl()));
	}

	@Test
	void totalTimeoutStopsRetriesEarly() {
		LambdaProperties.Function defaults = this.properties.getDefaults();
		defaults.setTimeout(Duration.ofSeconds(1));
		defaults.getRetry().setMaxAttempts(20);
		defaults.getRetry().setInitialInterval(Duration.ofMillis(300));
		defaults.getRetry().setMultiplier(1.0);
		stubError(500, "ServiceException");
		long start = System.nanoTime();
		assertThatExceptionOfType(LambdaServerException.class)
			.isThrownBy(() -> invoker().invoke("pricing", "{}", Void.class));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
		int requests = wireMock.findAll(postRequestedFor(anyUrl())).size();
		assertThat(requests).isBetween(2, 4);
	}

	@Test
	void perCallQualifierOverridesConfiguredFunctionQualifier() {
		LambdaProperties.Function pricing = new LambdaProperties.Function();
		pricing.setQualifier("prod");
		this.properties.getFunctions().put("pricing", pricing);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		invoker().invoke(LambdaRequest.builder("pricing").qualifier("canary").build(), Void.class);
		invoker().invoke("pricing", null, Void.class);
		assertThat(wireMock.findAll(postRequestedFor(anyUrl())))
			.extracting((request) -> request.queryParameter("Qualifier").firstValue())
			.containsExactly("canary", "prod");
	}

	@Test
	void asyncCallsFollowTheSamePlan() {
		stubError(429, "TooManyRequestsException");
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> invoker().invokeAsync("pricing", "{}", String.class).join())
			.withCauseInstanceOf(LambdaThrottlingException.class);
		wireMock.verify(3, postRequestedFor(anyUrl()));
		wireMock.resetAll();
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> invoker().invokeAsync("pricing", "{}", String.class).join())
			.withCauseInstanceOf(LambdaClientException.class);
		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	private DefaultLambdaInvoker invoker() {
		return DefaultLambdaInvoker.builder(wireMock.client())
			.asyncClient(wireMock.asyncClient())
			.functionRegistry(new PropertiesFunctionRegistry(this.properties))
			.retryExecutor(new SpringRetryExecutor(
					List.of((invocation, attempt, reason, failure, wait) -> this.retryReasons.add(reason))))
			.asyncExecutor(Runnable::run)
			.build();
	}

	private static void stubError(int status, String code) {
		wireMock.stubFor(post(anyUrl()).willReturn(errorResponse(status, code)));
	}

	private static ResponseDefinitionBuilder errorResponse(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("X-Amzn-ErrorType", code)
			.withBody("{\"Type\":\"Service\",\"message\":\"" + code + "\"}");
	}

}

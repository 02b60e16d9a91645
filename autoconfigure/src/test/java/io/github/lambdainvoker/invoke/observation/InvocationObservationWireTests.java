package io.github.lambdainvoker.invoke.observation;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code aws.lambda.invocations} observation and the meters derived from it, for
 * calls through {@link DefaultLambdaInvoker} against a Lambda endpoint on the wire: one
 * observation per call with its outcome tags, retries, payload sizes and trace-only
 * values.
 */
class InvocationObservationWireTests {

	private static final String INVOCATIONS = "aws.lambda.invocations";

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.syncAndAsync(Duration.ofSeconds(5));

	private final TestObservationRegistry observationRegistry = TestObservationRegistry.create();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final List<InvocationRetryListener> extraRetryListeners = new CopyOnWriteArrayList<>();

	private final LambdaProperties properties = new LambdaProperties();

	private @Nullable LambdaInvocationObservationConvention convention;

	private boolean openScopes = true;

	@BeforeEach
	void configure() {
		this.observationRegistry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meterRegistry))
			.observationHandler(new PayloadSizeObservationHandler(this.meterRegistry));
		LambdaProperties.Retry retry = this.properties.getDefaults().getRetry();
		retry.setMaxAttempts(3);
		retry.setInitialInterval(Duration.ofMillis(5));
		retry.setJitter(false);
	}

	static Stream<Arguments> outcomes() {
		return Stream.of(Mode.values())
			.flatMap((mode) -> Stream.of(Arguments.of(mode, "success", ok("\"ok\""), "SUCCESS", "none", "none"),
					Arguments.of(mode, "handled function error", functionError("Handled", "PriceNotFound"),
							"FUNCTION_ERROR", "PriceNotFound", "Handled"),
					Arguments.of(mode, "unhandled function error", functionError("Unhandled", "Runtime.ExitError"),
							"FUNCTION_ERROR", "Runtime.ExitError", "Unhandled"),
					Arguments.of(mode, "throttled", error(429, "TooManyRequestsException"), "THROTTLED",
							"TooManyRequestsException", "none"),
					Arguments.of(mode, "function not found", error(404, "ResourceNotFoundException"), "CLIENT_ERROR",
							"ResourceNotFoundException", "none"),
					Arguments.of(mode, "access denied", error(403, "AccessDeniedException"), "CLIENT_ERROR",
							"AccessDeniedException", "none"),
					Arguments.of(mode, "service error", error(500, "ServiceException"), "SERVER_ERROR",
							"ServiceException", "none"),
					Arguments.of(mode, "connection reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
							"CLIENT_ERROR", "LambdaClientException", "none")));
	}

	@ParameterizedTest(name = "{0} {1}: {3}")
	@MethodSource("outcomes")
	void everyOutcomeIsOneObservationAndOneTimerWithItsTags(Mode mode, String description,
			ResponseDefinitionBuilder response, String outcome, String errorType, String functionError) {
		wireMock.stubFor(post(anyUrl()).willReturn(response));
		call(mode, LambdaRequest.of("pricing", "{}"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasNumberOfObservationsWithNameEqualTo(INVOCATIONS, 1)
			.hasObservationWithNameEqualTo(INVOCATIONS)
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("invoke pricing")
			.hasLowCardinalityKeyValue("function", "pricing")
			.hasLowCardinalityKeyValue("qualifier", "none")
			.hasLowCardinalityKeyValue("invocation.type", "RequestResponse")
			.hasLowCardinalityKeyValue("outcome", outcome)
			.hasLowCardinalityKeyValue("error.type", errorType)
			.hasLowCardinalityKeyValue("function.error", functionError);
		Timer timer = this.meterRegistry.get(INVOCATIONS)
			.tags("function", "pricing", "qualifier", "none", "invocation.type", "RequestResponse", "outcome", outcome,
					"error.type", errorType, "function.error", functionError)
			.timer();
		assertThat(timer.count()).isOne();
		assertThat(this.meterRegistry.get(INVOCATIONS).timers()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void callWithoutAnswerWithinItsAttemptTimeoutIsTaggedTimeout(Mode mode) {
		this.properties.getDefaults().setAttemptTimeout(Duration.ofMillis(300));
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"late\"").withFixedDelay(2000)));
		call(mode, LambdaRequest.of("pricing", "{}"));
		assertThat(timer("TIMEOUT", "LambdaTimeoutException").count()).isOne();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void requestThatFailsValidationIsAClientErrorAndSendsNothing(Mode mode) {
		call(mode, LambdaRequest.builder("pricing").tenantId(" ").payload("{}").build());
		wireMock.verify(0, postRequestedFor(anyUrl()));
		assertThat(timer("CLIENT_ERROR", "LambdaValidationException").count()).isOne();
		assertThat(this.meterRegistry.find(PayloadSizeObservationHandler.METER_NAME).meters()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void payloadThatCannotBeReadIsAClientError(Mode mode) {
		call(mode, LambdaRequest.of("pricing", new FailingInputStream()));
		wireMock.verify(0, postRequestedFor(anyUrl()));
		assertThat(timer("CLIENT_ERROR", "LambdaPayloadException").count()).isOne();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void oneObservationCoversEveryAttemptAndRetriesAreCountedByReason(Mode mode) {
		wireMock.stubFor(post(anyUrl()).willReturn(error(429, "TooManyRequestsException")));
		call(mode, LambdaRequest.of("pricing", "{}"));
		wireMock.verify(3, postRequestedFor(anyUrl()));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasNumberOfObservationsWithNameEqualTo(INVOCATIONS, 1);
		assertThat(timer("THROTTLED", "TooManyRequestsException").count()).isOne();
		assertThat(this.meterRegistry.get(RetryMetricsListener.METER_NAME)
			.tags("function", "pricing", "reason", "throttled")
			.counter()
			.count()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void payloadSizesAreRecordedForBothDirectionsInBytes(Mode mode) {
		wireMock.stubFor(post(anyUrl()).willReturn(ok("{\"total\":42}")));
		call(mode, LambdaRequest.of("pricing", "{\"sku\":\"a-1\"}"));
		DistributionSummary request = payloadSize("request");
		assertThat(request.count()).isOne();
		assertThat(request.totalAmount()).isEqualTo(13);
		assertThat(request.getId().getBaseUnit()).isEqualTo("bytes");
		DistributionSummary response = payloadSize("response");
		assertThat(response.count()).isOne();
		assertThat(response.totalAmount()).isEqualTo(12);
	}

	@Test
	void responseSizeOfAFunctionErrorIsRecorded() {
		wireMock.stubFor(post(anyUrl()).willReturn(functionError("Unhandled", "Boom")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		String errorDocument = "{\"errorType\":\"Boom\",\"errorMessage\":\"failed\"}";
		assertThat(payloadSize("response").totalAmount()).isEqualTo(errorDocument.length());
	}

	@Test
	void eventCallsRecordTheRequestSizeOnly() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
		call(Mode.SYNC, LambdaRequest.builder("audit").invocationType(InvocationType.EVENT).payload("{}").build());
		assertThat(this.meterRegistry.get(PayloadSizeObservationHandler.METER_NAME)
			.tags("function", "audit", "direction", "request")
			.summary()
			.totalAmount()).isEqualTo(2);
		assertThat(this.meterRegistry.find(PayloadSizeObservationHandler.METER_NAME)
			.tags("direction", "response")
			.meters()).isEmpty();
		assertThat(this.meterRegistry.get(INVOCATIONS)
			.tags("invocation.type", "Event", "outcome", "SUCCESS")
			.timer()
			.count()).isOne();
	}

	@Test
	void highCardinalityValuesGoOnTheObservationButNeverOnMeters() {
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo(INVOCATIONS)
			.that()
			.hasHighCardinalityKeyValue("function.name", "pricing")
			.hasHighCardinalityKeyValue("aws.request.id", "req-1")
			.hasHighCardinalityKeyValue("executed.version", "7");
		List<String> tagKeys = this.meterRegistry.getMeters()
			.stream()
			.flatMap((meter) -> meter.getId().getTags().stream())
			.map((tag) -> tag.getKey())
			.toList();
		assertThat(tagKeys).isNotEmpty().doesNotContain("function.name", "aws.request.id", "executed.version");
	}

	@Test
	void requestIdOfAnErrorResponseGoesOnTheObservation() {
		wireMock.stubFor(post(anyUrl()).willReturn(error(404, "ResourceNotFoundException")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo(INVOCATIONS)
			.that()
			.hasHighCardinalityKeyValue("aws.request.id", "req-1")
			.doesNotHaveHighCardinalityKeyValueWithKey("executed.version");
	}

	@Test
	void configuredKeyIsTheFunctionTagAndTheArnOnlyATraceValue() {
		String arn = "arn:aws:lambda:eu-west-1:123456789012:function:pricing-prod";
		LambdaProperties.Function pricing = new LambdaProperties.Function();
		pricing.setFunctionName(arn);
		pricing.setQualifier("live");
		this.properties.getFunctions().put("pricing", pricing);
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasObservationWithNameEqualTo(INVOCATIONS)
			.that()
			.hasLowCardinalityKeyValue("function", "pricing")
			.hasLowCardinalityKeyValue("qualifier", "live")
			.hasHighCardinalityKeyValue("function.name", arn);
	}

	@Test
	void functionNamedByArnInCodeIsTaggedWithItsBareName() {
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"")));
		call(Mode.SYNC, LambdaRequest.of("arn:aws:lambda:eu-west-1:123456789012:function:orders:live", "{}"));
		assertThat(this.meterRegistry.get(INVOCATIONS).tags("function", "orders", "qualifier", "live").timer().count())
			.isOne();
		assertThat(this.meterRegistry.getMeters()).flatMap((meter) -> meter.getId().getTags())
			.noneMatch((tag) -> tag.getValue().contains("123456789012"));
	}

	@Test
	void exchangeOfAFailedFunctionIsAFunctionErrorOutcome() {
		wireMock.stubFor(post(anyUrl()).willReturn(functionError("Handled", "PriceNotFound")));
		LambdaResponse<byte[]> response = invoker().exchange(LambdaRequest.of("pricing", "{}"));
		assertThat(response.hasFunctionError()).isTrue();
		assertThat(this.meterRegistry.get(INVOCATIONS)
			.tags("outcome", "FUNCTION_ERROR", "error.type", "none", "function.error", "Handled")
			.timer()
			.count()).isOne();
	}

	@Test
	void callsInFlightAreCountedByALongTaskTimerWithTheTagsKnownAtTheStart() {
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"").withFixedDelay(500)));
		CompletableFuture<LambdaResponse<String>> call = invoker().invokeAsync(LambdaRequest.of("pricing", "{}"),
				String.class);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(activeCalls().activeTasks()).isOne());
		assertThat(activeCalls().getId().getTags()).extracting((tag) -> tag.getKey())
			.containsExactlyInAnyOrder("function", "qualifier", "invocation.type");
		call.join();
		assertThat(activeCalls().activeTasks()).isZero();
		assertThat(timer("SUCCESS", "none").count()).isOne();
	}

	@Test
	void observationIsCurrentWhileASyncCallRuns() {
		List<String> current = currentObservationAtEachRetry();
		wireMock.stubFor(post(anyUrl()).willReturn(error(500, "ServiceException")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		assertThat(current).containsExactly(INVOCATIONS, INVOCATIONS);
		assertThat(this.observationRegistry.getCurrentObservation()).isNull();
	}

	@Test
	void observationWithoutScopesIsNotCurrentWhileACallRunsAndStillRecords() {
		this.openScopes = false;
		List<String> current = currentObservationAtEachRetry();
		wireMock.stubFor(post(anyUrl()).willReturn(error(500, "ServiceException")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		assertThat(current).containsExactly("none", "none");
		TestObservationRegistryAssert.assertThat(this.observationRegistry)
			.hasSingleObservationThat()
			.hasNameEqualTo(INVOCATIONS)
			.hasBeenStopped();
	}

	@Test
	void customConventionNamesTheObservationAndItsFunctionTagReachesThePayloadMeter() {
		this.convention = new DefaultLambdaInvocationObservationConvention() {

			@Override
			public String getName() {
				return "lambda.calls";
			}

			@Override
			protected KeyValue function(LambdaInvocationContext context) {
				return KeyValue.of("function", "team-" + context.getFunction().key());
			}

		};
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"")));
		call(Mode.SYNC, LambdaRequest.of("pricing", "{}"));
		assertThat(this.meterRegistry.get("lambda.calls").tags("function", "team-pricing").timer().count()).isOne();
		assertThat(this.meterRegistry.find(INVOCATIONS).meters()).isEmpty();
		assertThat(payloadSize("request").getId().getTag("function")).isEqualTo("team-pricing");
	}

	@Test
	void noOpRegistryBuildsNothingAndCallsStillWork() {
		ObservationInvocationObserver observer = new ObservationInvocationObserver(ObservationRegistry.NOOP, null);
		ResolvedFunction function = TestFunctionRegistries.from(this.properties).resolve("pricing");
		assertThat(observer.start(function, LambdaRequest.of("pricing", "{}")))
			.isSameAs(InvocationObserver.Observed.NONE);
		assertThat(new ObservationInvocationObserver(ObservationRegistry.create(), null).start(function,
				LambdaRequest.of("pricing", "{}")))
			.isSameAs(InvocationObserver.Observed.NONE);
		wireMock.stubFor(post(anyUrl()).willReturn(ok("\"ok\"")));
		DefaultLambdaInvoker invoker = TestLambdaClients.invoker(wireMock.client(), wireMock.asyncClient(),
				TestFunctionRegistries.from(this.properties), new SpringRetryExecutor(List.of()), observer);
		assertThat(invoker.invoke("pricing", "{}", String.class)).isEqualTo("\"ok\"");
		assertThat(invoker.invokeAsync("pricing", "{}", String.class).join()).isEqualTo("\"ok\"");
	}

	private void call(Mode mode, LambdaRequest request) {
		try {
			if (mode == Mode.SYNC) {
				invoker().invoke(request, String.class);
			}
			else {
				invoker().invokeAsync(request, String.class).join();
			}
		}
		catch (LambdaInvocationException | CompletionException ex) {
			// The outcome is what is asserted.
		}
	}

	private List<String> currentObservationAtEachRetry() {
		List<String> current = new CopyOnWriteArrayList<>();
		this.extraRetryListeners.add((invocation, attempt, reason, failure, wait) -> {
			Observation observation = this.observationRegistry.getCurrentObservation();
			current.add((observation != null) ? observation.getContext().getName() : "none");
		});
		return current;
	}

	private DefaultLambdaInvoker invoker() {
		List<InvocationRetryListener> listeners = Stream
			.concat(Stream.of(new RetryMetricsListener(this.meterRegistry)), this.extraRetryListeners.stream())
			.toList();
		return TestLambdaClients.invoker(wireMock.client(), wireMock.asyncClient(),
				TestFunctionRegistries.from(this.properties), new SpringRetryExecutor(listeners),
				new ObservationInvocationObserver(this.observationRegistry, this.convention, this.openScopes));
	}

	private Timer timer(String outcome, String errorType) {
		return this.meterRegistry.get(INVOCATIONS).tags("outcome", outcome, "error.type", errorType).timer();
	}

	private LongTaskTimer activeCalls() {
		return this.meterRegistry.get(INVOCATIONS + ".active").longTaskTimer();
	}

	private DistributionSummary payloadSize(String direction) {
		return this.meterRegistry.get(PayloadSizeObservationHandler.METER_NAME).tags("direction", direction).summary();
	}

	private static ResponseDefinitionBuilder ok(String body) {
		return aResponse().withStatus(200)
			.withHeader("x-amzn-RequestId", "req-1")
			.withHeader("X-Amz-Executed-Version", "7")
			.withBody(body);
	}

	private static ResponseDefinitionBuilder functionError(String kind, String errorType) {
		return ok("{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"failed\"}")
			.withHeader("X-Amz-Function-Error", kind);
	}

	private static ResponseDefinitionBuilder error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("x-amzn-RequestId", "req-1")
			.withHeader("X-Amzn-ErrorType", code)
			.withBody("{\"Type\":\"User\",\"message\":\"" + code + "\"}");
	}

	enum Mode {

		SYNC, ASYNC

	}

	private static final class FailingInputStream extends InputStream {

		@Override
		public int read() throws IOException {
			throw new IOException("disk on fire");
		}

	}

}

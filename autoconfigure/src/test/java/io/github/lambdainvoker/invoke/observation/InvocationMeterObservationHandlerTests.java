package io.github.lambdainvoker.invoke.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link InvocationMeterObservationHandler} and the key values the
 * {@link DefaultLambdaInvocationObservationConvention} works out once per function: the
 * same calls, observed once with Micrometer's default handler and a convention that works
 * everything out per call, and once with the Lambda handler ahead of the default one and
 * the convention as it is, give the same observations and the same meters.
 */
class InvocationMeterObservationHandlerTests {

	private static final String INVOCATIONS = "aws.lambda.invocations";

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.syncAndAsync(Duration.ofSeconds(5));

	@Test
	void everyKindOfCallIsObservedAndMeteredAsByTheDefaultHandler() {
		Observed perCall = new Observed(false);
		Observed cached = new Observed(true);
		for (Observed observed : List.of(perCall, cached)) {
			call(observed, ok(), LambdaRequest.of("pricing", "{}"));
			call(observed, ok(), LambdaRequest.of("pricing", "{}"));
			call(observed, ok(), LambdaRequest.builder("pricing").qualifier("live").payload("{}").build());
			call(observed, ok(), LambdaRequest.builder("pricing").invocationType(InvocationType.EVENT).build());
			call(observed, ok(), LambdaRequest.of("pricing:blue", "{}"));
			call(observed, ok(), LambdaRequest.of("billing", "{}"));
			call(observed, functionError(), LambdaRequest.of("pricing", "{}"));
			call(observed, error(429, "TooManyRequestsException"), LambdaRequest.of("pricing", "{}"));
			call(observed, error(500, "ServiceException"), LambdaRequest.of("billing", "{}"));
			call(observed, ok(), LambdaRequest.builder("pricing").qualifier("bad qualifier!").build());
		}
		assertThat(cached.contexts).hasSize(10);
		for (int i = 0; i < perCall.contexts.size(); i++) {
			LambdaInvocationContext expected = perCall.contexts.get(i);
			LambdaInvocationContext actual = cached.contexts.get(i);
			assertThat(actual.getLowCardinalityKeyValues()).isEqualTo(expected.getLowCardinalityKeyValues());
			assertThat(actual.getHighCardinalityKeyValues()).isEqualTo(expected.getHighCardinalityKeyValues());
			assertThat(actual.getContextualName()).isEqualTo(expected.getContextualName());
			assertThat((Object) actual.get(Timer.Sample.class)).as("default handler's sample").isNull();
			assertThat((Object) expected.get(Timer.Sample.class)).isNotNull();
		}
		assertThat(cached.meters()).isEqualTo(perCall.meters())
			.containsKey(
					"aws.lambda.invocations.active[function=pricing, invocation.type=RequestResponse, qualifier=none]");
		assertThat(cached.meters()).hasEntrySatisfying(INVOCATIONS
				+ "[error=none, error.type=none, function=pricing, function.error=none, invocation.type=RequestResponse, outcome=SUCCESS, qualifier=none]",
				(count) -> assertThat(count).isEqualTo(2.0));
		assertThat(cached.meters()).containsKey(INVOCATIONS
				+ "[error=LambdaThrottlingException, error.type=TooManyRequestsException, function=pricing, function.error=none, invocation.type=RequestResponse, outcome=THROTTLED, qualifier=none]");
	}

	@Test
	void callsInFlightAreCountedOnTheActiveTimerUntilTheyEnd() {
		wireMock.stubFor(post(anyUrl()).willReturn(ok().withFixedDelay(300)));
		Observed observed = new Observed(true);
		CompletableFuture<LambdaResponse<String>> call = observed.invoker.invokeAsync(LambdaRequest.of("pricing", "{}"),
				String.class);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(observed.active().activeTasks()).isOne());
		call.join();
		assertThat(observed.active().activeTasks()).isZero();
		assertThat(observed.meterRegistry.get(INVOCATIONS).timer().totalTime(TimeUnit.MILLISECONDS))
			.isGreaterThanOrEqualTo(300);
	}

	@Test
	void ignoredLongTaskTimerIsNotRegistered() {
		wireMock.stubFor(post(anyUrl()).willReturn(ok()));
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig()
			.observationHandler(new InvocationMeterObservationHandler(meterRegistry, IgnoredMeters.LONG_TASK_TIMER));
		DefaultLambdaInvoker invoker = TestLambdaClients.invoker(wireMock.client(), wireMock.asyncClient(),
				TestFunctionRegistries.from(new LambdaProperties()), new SpringRetryExecutor(List.of()),
				new ObservationInvocationObserver(observationRegistry, null));
		invoker.invoke("pricing", "{}", String.class);
		assertThat(meterRegistry.find(INVOCATIONS + ".active").meters()).isEmpty();
		assertThat(meterRegistry.get(INVOCATIONS).timer().count()).isOne();
	}

	@Test
	void eventsOfTheObservationAreCounted() {
		SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
		InvocationMeterObservationHandler handler = new InvocationMeterObservationHandler(meterRegistry);
		LambdaInvocationContext context = new LambdaInvocationContext(
				ResolvedFunction.of("pricing", FunctionOptions.NONE), LambdaRequest.of("pricing", null));
		context.setName(INVOCATIONS);
		context.addLowCardinalityKeyValue(KeyValue.of("function", "pricing"));
		handler.onEvent(Observation.Event.of("cold-start"), context);
		assertThat(meterRegistry.get(INVOCATIONS + ".cold-start").tag("function", "pricing").counter().count()).isOne();
	}

	private static void call(Observed observed, ResponseDefinitionBuilder response, LambdaRequest request) {
		wireMock.stubFor(post(anyUrl()).willReturn(response));
		try {
			observed.invoker.invoke(request, String.class);
		}
		catch (LambdaInvocationException ex) {
			// The observation is what is compared.
		}
	}

	private static ResponseDefinitionBuilder ok() {
		return aResponse().withStatus(200)
			.withHeader("x-amzn-RequestId", "req-1")
			.withHeader("X-Amz-Executed-Version", "7")
			.withBody("\"ok\"");
	}

	private static ResponseDefinitionBuilder functionError() {
		return aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"boom\"}");
	}

	private static ResponseDefinitionBuilder error(int status, String errorType) {
		return aResponse().withStatus(status)
			.withHeader("X-Amzn-ErrorType", errorType)
			.withBody("{\"message\":\"" + errorType + "\"}");
	}

	/**
	 * An invoker observed either as before (default handler, key values per call) or with
	 * the Lambda handler first and the convention's cached key values.
	 */
	private static final class Observed {

		private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

		private final List<LambdaInvocationContext> contexts = new CopyOnWriteArrayList<>();

		private final DefaultLambdaInvoker invoker;

		Observed(boolean lambdaHandler) {
			ObservationRegistry observationRegistry = ObservationRegistry.create();
			ObservationHandler<Observation.Context> defaultHandler = new DefaultMeterObservationHandler(
					this.meterRegistry);
			observationRegistry.observationConfig()
				.observationHandler(lambdaHandler
						? new FirstMatchingCompositeObservationHandler(
								new InvocationMeterObservationHandler(this.meterRegistry), defaultHandler)
						: defaultHandler)
				.observationHandler(new Recorder(this.contexts));
			@Nullable LambdaInvocationObservationConvention convention = lambdaHandler ? null
					: new DefaultLambdaInvocationObservationConvention() {
					};
			this.invoker = TestLambdaClients.invoker(wireMock.client(), wireMock.asyncClient(),
					TestFunctionRegistries.from(new LambdaProperties()), new SpringRetryExecutor(List.of()),
					new ObservationInvocationObserver(observationRegistry, convention));
		}

		Map<String, Double> meters() {
			Map<String, Double> meters = new TreeMap<>();
			for (Meter meter : this.meterRegistry.getMeters()) {
				double value = (meter instanceof Timer timer) ? timer.count()
						: (meter instanceof LongTaskTimer active) ? active.activeTasks() : Double.NaN;
				meters.put(meter.getId().getName()
						+ meter.getId().getTags().toString().replace("tag(", "").replace(")", ""), value);
			}
			return meters;
		}

		LongTaskTimer active() {
			return this.meterRegistry.get(INVOCATIONS + ".active").longTaskTimer();
		}

	}

	private record Recorder(
			List<LambdaInvocationContext> contexts) implements ObservationHandler<LambdaInvocationContext> {

		@Override
		public void onStop(LambdaInvocationContext context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof LambdaInvocationContext;
		}

	}

}

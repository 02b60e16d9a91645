package io.github.lambdainvoker.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.LambdaBulkheadFullException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.PreparedCall;
import io.github.lambdainvoker.invoke.Bulkhead;
import io.github.lambdainvoker.invoke.TestBulkheads;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.github.lambdainvoker.invoke.observation.ObservationInvocationObserver;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The per-function bulkhead ({@code max-concurrency}, {@code max-wait}): calls beyond the
 * limit are rejected without a request, permits are held for the whole call and come back
 * however the call ends, cancellation of an asynchronous call included.
 */
@Tag("bulkhead")
class BulkheadWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(20))
		.build();

	private static LambdaClient client;

	private static LambdaAsyncClient asyncClient;

	private final LambdaProperties properties = new LambdaProperties();

	private final Bulkhead bulkhead = TestBulkheads.semaphores();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	@BeforeAll
	static void createClients() {
		client = TestLambdaClients.sync(wireMock.baseUrl(), Duration.ofSeconds(5));
		asyncClient = TestLambdaClients.async(wireMock.baseUrl());
	}

	@AfterAll
	static void closeClients() {
		client.close();
		asyncClient.close();
	}

	@BeforeEach
	void limitPricingToTwoCalls() {
		LambdaProperties.Function pricing = new LambdaProperties.Function();
		pricing.setMaxConcurrency(2);
		this.properties.getFunctions().put("pricing", pricing);
		this.properties.getDefaults().getRetry().setInitialInterval(Duration.ofMillis(5));
		this.properties.getDefaults().getRetry().setJitter(false);
	}

	@Test
	void callBeyondMaxConcurrencyIsRejectedAtOnceWithoutARequest() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(800)));
		DefaultLambdaInvoker invoker = invoker();
		List<CompletableFuture<String>> inFlight = startSyncCalls(invoker, 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 2);
		long start = System.nanoTime();
		assertThatExceptionOfType(LambdaBulkheadFullException.class)
			.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class))
			.withMessage("Function 'pricing' already has 2 call(s) in flight, its max-concurrency, and none ended "
					+ "within PT0S; the call was not sent")
			.satisfies((ex) -> assertThat(ex.getMaxConcurrency()).isEqualTo(2));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
		assertThat(inFlight).allSatisfy((call) -> assertThat(call.join()).isEqualTo("\"ok\""));
		assertThat(requests()).isEqualTo(2);
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(2);
		assertThat(invoker.invoke("pricing", "{}", String.class)).isEqualTo("\"ok\"");
	}

	@Test
	void unobservedPreparedCallsOfALimitedFunctionAreRejectedBeyondMaxConcurrency() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(800)));
		DefaultLambdaInvoker invoker = DefaultLambdaInvoker.builder(client)
			.functionRegistry(TestFunctionRegistries.from(this.properties))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.bulkhead(this.bulkhead)
			.build();
		PreparedCall<String> call = invoker.prepare(LambdaRequest.of("pricing", null), FunctionOptions.NONE,
				String.class);
		List<CompletableFuture<String>> inFlight = startSyncCalls(() -> call.call("{}"), 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 2);
		assertThatExceptionOfType(LambdaBulkheadFullException.class).isThrownBy(() -> call.call("{}"))
			.satisfies((ex) -> assertThat(ex.getMaxConcurrency()).isEqualTo(2));
		assertThat(inFlight).allSatisfy((inFlightCall) -> assertThat(inFlightCall.join()).isEqualTo("\"ok\""));
		assertThat(requests()).isEqualTo(2);
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(2);
		assertThat(call.call("{}")).isEqualTo("\"ok\"");
	}

	@Test
	void callBeyondMaxConcurrencyWaitsUpToMaxWaitForAPermit() {
		this.properties.getFunctions().get("pricing").setMaxWait(Duration.ofSeconds(3));
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(500)));
		DefaultLambdaInvoker invoker = invoker();
		List<CompletableFuture<String>> inFlight = startSyncCalls(invoker, 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 2);
		assertThat(invoker.invoke("pricing", "{}", String.class)).isEqualTo("\"ok\"");
		inFlight.forEach(CompletableFuture::join);
		assertThat(requests()).isEqualTo(3);
	}

	@Test
	void waitEndsWithRejectionAfterMaxWait() {
		this.properties.getFunctions().get("pricing").setMaxWait(Duration.ofMillis(200));
		wireMock
			.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(1500)));
		DefaultLambdaInvoker invoker = invoker();
		List<CompletableFuture<String>> inFlight = startSyncCalls(invoker, 2);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 2);
		long start = System.nanoTime();
		assertThatExceptionOfType(LambdaBulkheadFullException.class)
			.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190),
				Duration.ofMillis(1200));
		inFlight.forEach(CompletableFuture::join);
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void asyncCallsHoldTheirPermitUntilTheirFutureCompletes() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(800)));
		DefaultLambdaInvoker invoker = invoker();
		CompletableFuture<String> first = invoker.invokeAsync("pricing", "{}", String.class);
		CompletableFuture<String> second = invoker.invokeAsync("pricing", "{}", String.class);
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isZero();
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> invoker.invokeAsync("pricing", "{}", String.class).join())
			.withCauseInstanceOf(LambdaBulkheadFullException.class);
		assertThat(first.join()).isEqualTo("\"ok\"");
		assertThat(second.join()).isEqualTo("\"ok\"");
		await().atMost(Duration.ofSeconds(2))
			.until(() -> TestBulkheads.availablePermits(this.bulkhead, "pricing") == 2);
		assertThat(requests()).isEqualTo(2);
	}

	@Test
	void permitIsHeldAcrossRetriesAndReturnedWhenTheCallFails() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)
			.withHeader("X-Amzn-ErrorType", "ServiceException")
			.withBody("{\"message\":\"boom\"}")));
		DefaultLambdaInvoker invoker = invoker();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(LambdaInvocationException.class)
				.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class))
				.isNotInstanceOf(LambdaBulkheadFullException.class);
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> invoker.invokeAsync("pricing", "{}", String.class).join())
				.satisfies((ex) -> assertThat(ex.getCause()).isNotInstanceOf(LambdaBulkheadFullException.class));
		}
		assertThat(requests()).isEqualTo(3 * 2 * 3);
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(1);
	}

	@Test
	void permitIsReturnedAfterTransportFaultsAndValidationFailuresTakeNone() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		DefaultLambdaInvoker invoker = invoker();
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(LambdaInvocationException.class)
				.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class))
				.isNotInstanceOf(LambdaBulkheadFullException.class);
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> invoker.invokeAsync("pricing", "{}", String.class).join())
				.satisfies((ex) -> assertThat(ex.getCause()).isNotInstanceOf(LambdaBulkheadFullException.class));
			assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> invoker
				.invoke(LambdaRequest.builder("pricing").qualifier("bad qualifier").build(), String.class));
		}
		assertThat(requests()).isEqualTo(6);
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(1);
	}

	@Test
	void cancellingAnAsyncCallDuringItsRetryWaitReleasesItsPermitAndSendsNothingMore() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		this.properties.getDefaults().getRetry().setInitialInterval(Duration.ofSeconds(1));
		stubServiceError(0);
		DefaultLambdaInvoker invoker = invoker();
		CompletableFuture<String> call = invoker.invokeAsync("pricing", "{}", String.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() >= 1);
		assertThat(call.cancel(false)).isTrue();
		int requestsWhenCancelled = requests();
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(1);
		assertThat(call).isCancelled();
		await().during(Duration.ofMillis(1500))
			.atMost(Duration.ofSeconds(4))
			.until(() -> requests() == requestsWhenCancelled);
	}

	@Test
	void cancellingAnAsyncCallInFlightReleasesItsPermitAndStopsItsRetries() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		stubServiceError(2000);
		DefaultLambdaInvoker invoker = invoker();
		CompletableFuture<String> call = invoker.invokeAsync("pricing", "{}", String.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests() == 1);
		assertThat(call.cancel(false)).isTrue();
		assertThat(TestBulkheads.availablePermits(this.bulkhead, "pricing")).isEqualTo(1);
		// The delayed 500 arrives after the cancellation and must not be retried.
		await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> requests() == 1);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.observations)
				.hasAnObservationWithAKeyValue("error.type", "CancellationException"));
	}

	@Test
	void permitsAreCountedPerFunctionKey() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		wireMock.stubFor(post(urlPathMatching(".*/pricing/.*"))
			.willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(800)));
		wireMock.stubFor(
				post(urlPathMatching(".*/inventory/.*")).willReturn(aResponse().withStatus(200).withBody("\"ok\"")));
		DefaultLambdaInvoker invoker = invoker();
		CompletableFuture<String> pricing = invoker.invokeAsync("pricing", "{}", String.class);
		assertThatExceptionOfType(LambdaBulkheadFullException.class)
			.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class));
		assertThat(invoker.invoke("inventory", "{}", String.class)).isEqualTo("\"ok\"");
		assertThat(pricing.join()).isEqualTo("\"ok\"");
	}

	@Test
	void rejectedCallIsObservedWithOutcomeRejected() {
		this.properties.getFunctions().get("pricing").setMaxConcurrency(1);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"").withFixedDelay(500)));
		DefaultLambdaInvoker invoker = invoker();
		CompletableFuture<String> inFlight = invoker.invokeAsync("pricing", "{}", String.class);
		assertThatExceptionOfType(LambdaBulkheadFullException.class)
			.isThrownBy(() -> invoker.invoke("pricing", "{}", String.class));
		inFlight.join();
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> TestObservationRegistryAssert.assertThat(this.observations)
				.hasNumberOfObservationsWithNameEqualTo("aws.lambda.invocations", 2)
				.hasAnObservationWithAKeyValue("outcome", "REJECTED")
				.hasAnObservationWithAKeyValue("outcome", "SUCCESS"));
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasAnObservationWithAKeyValue("error.type", "LambdaBulkheadFullException");
	}

	private static void stubServiceError(int delayMillis) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)
			.withHeader("X-Amzn-ErrorType", "ServiceException")
			.withBody("{\"message\":\"boom\"}")
			.withFixedDelay(delayMillis)));
	}

	private List<CompletableFuture<String>> startSyncCalls(DefaultLambdaInvoker invoker, int count) {
		return startSyncCalls(() -> invoker.invoke("pricing", "{}", String.class), count);
	}

	private List<CompletableFuture<String>> startSyncCalls(Supplier<@Nullable String> action, int count) {
		List<CompletableFuture<String>> calls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			CompletableFuture<String> call = new CompletableFuture<>();
			new Thread(() -> {
				try {
					call.complete(action.get());
				}
				catch (RuntimeException ex) {
					call.completeExceptionally(ex);
				}
			}).start();
			calls.add(call);
		}
		return calls;
	}

	private int requests() {
		return wireMock.findAll(postRequestedFor(anyUrl())).size();
	}

	private DefaultLambdaInvoker invoker() {
		return DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(this.properties))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.asyncExecutor(Runnable::run)
			.observer(new ObservationInvocationObserver(this.observations, null))
			.bulkhead(this.bulkhead)
			.build();
	}

}

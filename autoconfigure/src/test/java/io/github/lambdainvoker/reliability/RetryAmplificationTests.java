package io.github.lambdainvoker.reliability;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.observation.RetryMetricsListener;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What the retry budget does to the load a fleet sends to a failing Lambda: 2,000 calls
 * from 64 threads (every other one asynchronous) against a local endpoint that answers
 * 500 to everything, with and without the budget; the budget refilling once the endpoint
 * recovers; and 5% of attempts failing at random, which the retries still absorb.
 */
@Tag("load")
class RetryAmplificationTests {

	private static final System.Logger logger = System.getLogger(RetryAmplificationTests.class.getName());

	private static final int CALLS = 2_000;

	private static final int THREADS = 64;

	/**
	 * Seed of the 5% failures; per call and attempt, so thread timing cannot change it.
	 */
	private static final long SEED = 12;

	private static final Map<String, Object> figures = new LinkedHashMap<>();

	private static LoopbackEndpoint endpointServer;

	private static LambdaClient client;

	private static LambdaAsyncClient asyncClient;

	private static final AtomicInteger requests = new AtomicInteger();

	private static final AtomicInteger nextCallId = new AtomicInteger();

	private static final ConcurrentMap<Integer, AtomicInteger> attemptsByCall = new ConcurrentHashMap<>();

	private static volatile Endpoint endpoint = Endpoint.HEALTHY;

	private final LambdaProperties properties = new LambdaProperties();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@BeforeAll
	static void startEndpoint() throws InterruptedException {
		endpointServer = new LoopbackEndpoint(RetryAmplificationTests::answer);
		PoolProbe unused = new PoolProbe();
		client = ReliabilityClients.sync(endpointServer.url(), THREADS, unused);
		asyncClient = ReliabilityClients.async(endpointServer.url(), THREADS, unused);
		warmUp();
	}

	// So that the first test's wall time does not include the JIT compiling the clients.
	private static void warmUp() {
		LambdaProperties properties = new LambdaProperties();
		properties.getDefaults().getRetry().setInitialInterval(Duration.ofMillis(1));
		DefaultLambdaInvoker invoker = DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(properties))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.asyncExecutor(Runnable::run)
			.build();
		endpoint = Endpoint.FAILS_FIRST_ATTEMPT;
		for (int i = 0; i < 200; i++) {
			callOnce(invoker, i % 2 == 1);
		}
		endpoint = Endpoint.HEALTHY;
	}

	@AfterAll
	static void stopEndpointAndWriteFigures() {
		client.close();
		asyncClient.close();
		endpointServer.close();
		ReliabilityFigures.write("retry-budget", figures);
	}

	@BeforeEach
	void retryAtOnce() {
		LambdaProperties.Retry retry = this.properties.getDefaults().getRetry();
		retry.setInitialInterval(Duration.ofMillis(1));
		retry.setMultiplier(1.0);
		retry.setJitter(false);
		requests.set(0);
		nextCallId.set(0);
		attemptsByCall.clear();
	}

	@AfterEach
	void healEndpoint() {
		endpoint = Endpoint.HEALTHY;
	}

	@Test
	void withoutBudgetSustainedFailureTriplesTheRequests() throws Exception {
		this.properties.getDefaults().getRetry().getBudget().setEnabled(false);
		endpoint = Endpoint.FAILING;
		Outcome outcome = callConcurrently(invoker());
		record("without-budget", outcome);
		assertThat(outcome.failures()).containsExactly(Map.entry(LambdaServerException.class.getSimpleName(), CALLS));
		assertThat(requests.get()).isEqualTo(3 * CALLS);
		assertThat(retries("server_error")).isEqualTo(2.0 * CALLS);
		assertThat(retries(RetryMetricsListener.BUDGET_EXHAUSTED)).isZero();
	}

	@Test
	void withTheDefaultBudgetSustainedFailureAddsOnlyTheBudgetsRetriesAndRecoversAfterSuccesses() throws Exception {
		DefaultLambdaInvoker invoker = invoker();
		endpoint = Endpoint.FAILING;
		Outcome outcome = callConcurrently(invoker);
		record("with-budget", outcome);
		assertThat(outcome.failures()).containsExactly(Map.entry(LambdaServerException.class.getSimpleName(), CALLS));
		// 500 tokens pay for 100 retries at 5 each, then every call makes its first
		// attempt only.
		assertThat(requests.get()).isEqualTo(CALLS + 500 / 5).isLessThanOrEqualTo((int) (1.1 * CALLS));
		assertThat(retries("server_error")).isEqualTo(100.0);
		assertThat(retries(RetryMetricsListener.BUDGET_EXHAUSTED)).isBetween(CALLS - 50.0, (double) CALLS);
		assertThat(tokens()).isZero();

		// Recovery: each success returns 1 token, a retry costs 5.
		endpoint = Endpoint.FAILS_FIRST_ATTEMPT;
		assertRequests(1, () -> assertThatExceptionOfType(LambdaServerException.class)
			.isThrownBy(() -> callOnce(invoker, false)));
		endpoint = Endpoint.HEALTHY;
		assertRequests(4, () -> {
			for (int i = 0; i < 4; i++) {
				callOnce(invoker, i % 2 == 1);
			}
		});
		assertThat(tokens()).isEqualTo(4.0);
		endpoint = Endpoint.FAILS_FIRST_ATTEMPT;
		assertRequests(1,
				() -> assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> callOnce(invoker, true))
					.withCauseExactlyInstanceOf(LambdaServerException.class));
		endpoint = Endpoint.HEALTHY;
		assertRequests(1, () -> callOnce(invoker, false));
		assertThat(tokens()).isEqualTo(5.0);
		endpoint = Endpoint.FAILS_FIRST_ATTEMPT;
		assertRequests(2, () -> assertThat(callOnce(invoker, true)).isEqualTo("\"ok\""));
		assertThat(tokens()).isEqualTo(5.0);
		figures.put("recovery.successes-before-a-retry", 5);
	}

	@Test
	void transientFailuresOfFivePercentAreAbsorbed() throws Exception {
		assertThat(callsWhoseThreeAttemptsFail()).as("calls the seed fails three times").isZero();
		endpoint = Endpoint.FAILS_FIVE_PERCENT;
		Outcome outcome = callConcurrently(invoker());
		record("five-percent", outcome);
		assertThat(outcome.failures()).isEmpty();
		assertThat(outcome.successes()).isEqualTo(CALLS);
		assertThat(requests.get()).isBetween((int) (1.03 * CALLS), (int) (1.08 * CALLS));
		assertThat(retries("server_error")).isEqualTo(requests.get() - CALLS);
		assertThat(retries(RetryMetricsListener.BUDGET_EXHAUSTED)).isZero();
	}

	private void record(String run, Outcome outcome) {
		double ratio = (double) requests.get() / CALLS;
		figures.put(run + ".calls", CALLS);
		figures.put(run + ".requests", requests.get());
		figures.put(run + ".requests-per-call", String.format("%.3f", ratio));
		figures.put(run + ".retries", (long) retries("server_error"));
		figures.put(run + ".refused-retries", (long) retries(RetryMetricsListener.BUDGET_EXHAUSTED));
		figures.put(run + ".wall-time.ms", outcome.wallTime().toMillis());
		figures.put(run + ".cpu-time.ms", outcome.cpuTime().toMillis());
		logger.log(System.Logger.Level.INFO, "{0}: {1} calls, {2} requests ({3} per call) in {4} ms, {5} ms of CPU",
				run, CALLS, requests.get(), String.format("%.3f", ratio), outcome.wallTime().toMillis(),
				outcome.cpuTime().toMillis());
	}

	private Outcome callConcurrently(DefaultLambdaInvoker invoker) throws Exception {
		Map<String, Integer> failures = new ConcurrentHashMap<>();
		AtomicInteger successes = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		long began = System.nanoTime();
		long cpuBefore = processCpuNanos();
		// A guard against a hang, not a performance bound.
		assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(callers.submit(() -> {
					start.await();
					for (int i = next.getAndIncrement(); i < CALLS; i = next.getAndIncrement()) {
						try {
							callOnce(invoker, i % 2 == 1);
							successes.incrementAndGet();
						}
						catch (RuntimeException ex) {
							Throwable failure = (ex instanceof CompletionException) ? ex.getCause() : ex;
							failures.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> worker : workers) {
				worker.get();
			}
		});
		Duration wallTime = Duration.ofNanos(System.nanoTime() - began);
		Duration cpuTime = Duration.ofNanos(processCpuNanos() - cpuBefore);
		callers.shutdown();
		assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		return new Outcome(successes.get(), failures, wallTime, cpuTime);
	}

	// CPU time of the whole JVM, endpoint included: on a busy machine a steadier measure
	// of the cost of a run than its wall time.
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String callOnce(DefaultLambdaInvoker invoker, boolean async) {
		LambdaRequest request = LambdaRequest.of("pricing", "{\"id\":" + nextCallId.getAndIncrement() + "}");
		return async ? invoker.invokeAsync(request, String.class).join().payload()
				: invoker.invoke(request, String.class).payload();
	}

	private static void assertRequests(int expected, Runnable calls) {
		int before = requests.get();
		calls.run();
		assertThat(requests.get() - before).as("requests").isEqualTo(expected);
	}

	private double retries(String reason) {
		return this.meters.find(RetryMetricsListener.METER_NAME)
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

	private double tokens() {
		return this.meters.get(RetryMetricsListener.BUDGET_METER_NAME).tag("function", "pricing").gauge().value();
	}

	private DefaultLambdaInvoker invoker() {
		return DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(this.properties))
			.retryExecutor(new SpringRetryExecutor(List.of(new RetryMetricsListener(this.meters))))
			.asyncExecutor(Runnable::run)
			.build();
	}

	private static int callsWhoseThreeAttemptsFail() {
		int count = 0;
		for (int call = 0; call < CALLS; call++) {
			if (failsAtRandom(call, 0) && failsAtRandom(call, 1) && failsAtRandom(call, 2)) {
				count++;
			}
		}
		return count;
	}

	private static boolean failsAtRandom(int call, int attempt) {
		return new SplittableRandom(SEED * 1_000_003L + call * 31L + attempt).nextInt(100) < 5;
	}

	private static LoopbackEndpoint.Reply answer(byte[] body) {
		requests.incrementAndGet();
		int call = callId(body);
		int attempt = attemptsByCall.computeIfAbsent(call, (key) -> new AtomicInteger()).getAndIncrement();
		boolean fail = switch (endpoint) {
			case HEALTHY -> false;
			case FAILING -> true;
			case FAILS_FIRST_ATTEMPT -> attempt == 0;
			case FAILS_FIVE_PERCENT -> failsAtRandom(call, attempt);
		};
		return fail ? LoopbackEndpoint.Reply.error(500, "ServiceException") : LoopbackEndpoint.Reply.ok("\"ok\"");
	}

	private static int callId(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return Integer.parseInt(text.substring(text.indexOf(':') + 1, text.indexOf('}')));
	}

	enum Endpoint {

		HEALTHY, FAILING, FAILS_FIRST_ATTEMPT, FAILS_FIVE_PERCENT

	}

	record Outcome(int successes, Map<String, Integer> failures, Duration wallTime, Duration cpuTime) {

	}

}

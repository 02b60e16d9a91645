package io.github.lambdainvoker.reliability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaConflictException;
import io.github.lambdainvoker.invoke.LambdaFunctionNotFoundException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaRequestTooLargeException;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every fault and error response, for RequestResponse and Event calls, sync and async,
 * with a function that is not idempotent: the exception type, how many requests reached
 * the endpoint (a call whose outcome is unknown is sent exactly once), that the call
 * ended within its bound, and that no HTTP connection stayed leased afterwards.
 */
@Tag("faults")
class FaultMatrixTests {

	/**
	 * Leased connections the Apache client reports for a single call on an otherwise idle
	 * pool: the call's own connection (found by running the probe). More means a leak.
	 */
	private static final int LEASED_BY_ONE_SYNC_CALL = 1;

	/**
	 * Leased connections the Netty client reports for a single call on an otherwise idle
	 * pool: it measures before the call's own connection is leased (found by running the
	 * probe). More means a leak.
	 */
	private static final int LEASED_BY_ONE_ASYNC_CALL = 0;

	private static final Duration CALL_BOUND = Duration.ofSeconds(3);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(20))
		.build();

	private static final PoolProbe syncPool = new PoolProbe();

	private static final PoolProbe asyncPool = new PoolProbe();

	private static final AtomicInteger cases = new AtomicInteger();

	private static final AtomicInteger survived = new AtomicInteger();

	private static final AtomicInteger requestsSent = new AtomicInteger();

	private static final AtomicInteger requestsExpected = new AtomicInteger();

	private static final AtomicInteger unknownOutcomeCases = new AtomicInteger();

	private static final AtomicInteger duplicates = new AtomicInteger();

	private static final AtomicInteger acceptedMalformed = new AtomicInteger();

	private static LambdaClient client;

	private static LambdaAsyncClient asyncClient;

	private final LambdaProperties properties = new LambdaProperties();

	@BeforeAll
	static void createAndWarmUpClients() {
		client = ReliabilityClients.sync(wireMock.baseUrl(), 4, syncPool);
		asyncClient = ReliabilityClients.async(wireMock.baseUrl(), 4, asyncPool);
		// So that the first cases do not run while the JIT compiles the clients.
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		DefaultLambdaInvoker invoker = DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(new LambdaProperties()))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.asyncExecutor(Runnable::run)
			.build();
		for (int i = 0; i < 20; i++) {
			invoker.invoke("warm-up", "{}", Void.class);
			invoker.invokeAsync("warm-up", "{}", Void.class).join();
		}
	}

	@AfterAll
	static void closeClientsAndWriteFigures() {
		client.close();
		asyncClient.close();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("cases", cases.get());
		figures.put("faults.survived", survived.get());
		figures.put("requests.sent", requestsSent.get());
		figures.put("requests.expected", requestsExpected.get());
		figures.put("unknown-outcome.cases", unknownOutcomeCases.get());
		figures.put("duplicates", duplicates.get());
		figures.put("malformed-chunk.completed-without-error", acceptedMalformed.get());
		ReliabilityFigures.write("faults", figures);
	}

	@BeforeEach
	void retryQuickly() {
		LambdaProperties.Function defaults = this.properties.getDefaults();
		// Long enough that a loaded machine does not turn a reset into a timeout, short
		// enough that the delayed response (2 s) exceeds it.
		defaults.setAttemptTimeout(Duration.ofMillis(1000));
		defaults.getRetry().setMaxAttempts(3);
		defaults.getRetry().setInitialInterval(Duration.ofMillis(5));
		defaults.getRetry().setJitter(false);
		defaults.getRetry().setIdempotent(false);
	}

	static Stream<Arguments> matrix() {
		return Stream.of(FaultCase.values())
			.flatMap((fault) -> Stream.of(InvocationType.REQUEST_RESPONSE, InvocationType.EVENT)
				.flatMap((type) -> Stream.of(Mode.values()).map((mode) -> Arguments.of(fault, type, mode))));
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("matrix")
	void faultEndsTheCallWithItsExceptionTheExpectedRequestsAndNoLeasedConnection(FaultCase fault, InvocationType type,
			Mode mode) {
		cases.incrementAndGet();
		wireMock.resetAll();
		wireMock.stubFor(post(anyUrl()).willReturn(fault.response));
		DefaultLambdaInvoker invoker = invoker();
		LambdaRequest request = LambdaRequest.builder("pricing").invocationType(type).payload("{}").build();
		long start = System.nanoTime();
		if (fault == FaultCase.MALFORMED_CHUNK && mode == Mode.ASYNC) {
			// Known gap, see docs/reliability.md: the Netty client completes a 200 whose
			// chunked body is garbage as if it were an empty body.
			assertTimeoutPreemptively(CALL_BOUND, () -> call(invoker, mode, request));
			acceptedMalformed.incrementAndGet();
		}
		else {
			Throwable failure = assertTimeoutPreemptively(CALL_BOUND,
					() -> assertThrows(LambdaInvocationException.class, () -> call(invoker, mode, request)));
			assertThat(failure).isExactlyInstanceOf(fault.exception);
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CALL_BOUND);
		// The journal may record a request just after the client saw the fault.
		await().atMost(Duration.ofSeconds(1)).until(() -> requests() >= fault.expectedRequests);
		int sent = requests();
		record(fault, sent);
		assertThat(sent).as("requests received").isEqualTo(fault.expectedRequests);
		assertNoLeasedConnection(invoker, mode);
		// Reached only when every check of the case passed.
		survived.incrementAndGet();
	}

	private void assertNoLeasedConnection(DefaultLambdaInvoker invoker, Mode mode) {
		wireMock.resetAll();
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		if (mode == Mode.SYNC) {
			assertThat(probe(invoker, mode, syncPool)).as("leased connections reported by the probe call")
				.containsExactly(LEASED_BY_ONE_SYNC_CALL);
			return;
		}
		// Netty hands a connection back to its pool just after completing the response
		// future, so the next call may still see it leased: probe again for a moment. A
		// leaked connection never comes back.
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(probe(invoker, mode, asyncPool))
				.as("leased connections reported by the probe call")
				.containsExactly(LEASED_BY_ONE_ASYNC_CALL));
	}

	private static List<Integer> probe(DefaultLambdaInvoker invoker, Mode mode, PoolProbe pool) {
		pool.clear();
		assertTimeoutPreemptively(CALL_BOUND, () -> call(invoker, mode, LambdaRequest.of("probe", "{}")));
		return pool.leased();
	}

	private static int requests() {
		return wireMock.findAll(postRequestedFor(anyUrl())).size();
	}

	private static void record(FaultCase fault, int sent) {
		requestsSent.addAndGet(sent);
		requestsExpected.addAndGet(fault.expectedRequests);
		if (fault.unknownOutcome) {
			unknownOutcomeCases.incrementAndGet();
			duplicates.addAndGet(Math.max(0, sent - 1));
		}
	}

	private static void call(DefaultLambdaInvoker invoker, Mode mode, LambdaRequest request) throws Throwable {
		if (mode == Mode.SYNC) {
			invoker.invoke(request, Void.class);
			return;
		}
		try {
			invoker.invokeAsync(request, Void.class).join();
		}
		catch (CompletionException ex) {
			throw ex.getCause();
		}
	}

	private DefaultLambdaInvoker invoker() {
		return DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(this.properties))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.asyncExecutor(Runnable::run)
			.build();
	}

	private static ResponseDefinitionBuilder error(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("X-Amzn-ErrorType", code)
			.withBody("{\"Type\":\"Service\",\"message\":\"" + code + "\"}");
	}

	enum Mode {

		SYNC, ASYNC

	}

	enum FaultCase {

		CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), LambdaClientException.class, 1, true),

		EMPTY_REPLY(aResponse().withFault(Fault.EMPTY_RESPONSE), LambdaClientException.class, 1, true),

		MALFORMED_CHUNK(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK), LambdaClientException.class, 1, true),

		RANDOM_DATA_THEN_CLOSE(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), LambdaClientException.class, 1,
				true),

		DELAYED_PAST_ATTEMPT_TIMEOUT(aResponse().withStatus(200).withBody("{}").withFixedDelay(2000),
				LambdaTimeoutException.class, 1, true),

		THROTTLED_WITH_RETRY_AFTER(error(429, "TooManyRequestsException").withHeader("Retry-After", "30"),
				LambdaThrottlingException.class, 1, false),

		SERVICE_ERROR_500(error(500, "ServiceException"), LambdaServerException.class, 3, false),

		TEMPORARY_502(error(502, "EC2ThrottledException"), LambdaServerException.class, 3, false),

		PERMANENT_502(error(502, "KMSDisabledException"), LambdaServerException.class, 1, false),

		CONFLICT_409(error(409, "ResourceConflictException"), LambdaConflictException.class, 3, false),

		TOO_LARGE_413(error(413, "RequestTooLargeException"), LambdaRequestTooLargeException.class, 1, false),

		NOT_FOUND_404(error(404, "ResourceNotFoundException"), LambdaFunctionNotFoundException.class, 1, false);

		private final ResponseDefinitionBuilder response;

		private final Class<? extends LambdaInvocationException> exception;

		private final int expectedRequests;

		private final boolean unknownOutcome;

		FaultCase(ResponseDefinitionBuilder response, Class<? extends LambdaInvocationException> exception,
				int expectedRequests, boolean unknownOutcome) {
			this.response = response;
			this.exception = exception;
			this.expectedRequests = expectedRequests;
			this.unknownOutcome = unknownOutcome;
		}

	}

}

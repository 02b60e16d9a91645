package io.github.lambdainvoker.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * 10,000 calls from 64 threads, RequestResponse and Event, each sync and async, against a
 * local echo endpoint: every call gets its own response, the endpoint receives exactly
 * one request per call, no connection stays leased and the heap does not grow.
 */
@Tag("load")
class LoadTests {

	private static final int CALLS = 10_000;

	private static final int THREADS = 64;

	private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;

	private final AtomicInteger requestResponseReceived = new AtomicInteger();

	private final AtomicInteger eventsReceived = new AtomicInteger();

	private HttpServer server;

	private ExecutorService serverThreads;

	private final PoolProbe syncPool = new PoolProbe();

	private final PoolProbe asyncPool = new PoolProbe();

	private LambdaClient client;

	private LambdaAsyncClient asyncClient;

	@BeforeEach
	void startEchoEndpoint() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
		this.serverThreads = Executors.newFixedThreadPool(32);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/", this::echo);
		this.server.start();
		String endpoint = "http://localhost:" + this.server.getAddress().getPort();
		this.client = ReliabilityClients.sync(endpoint, THREADS, this.syncPool);
		this.asyncClient = ReliabilityClients.async(endpoint, THREADS, this.asyncPool);
	}

	@AfterEach
	void stopEchoEndpoint() {
		this.client.close();
		this.asyncClient.close();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	private void echo(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		boolean event = "Event".equals(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
		(event ? this.eventsReceived : this.requestResponseReceived).incrementAndGet();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		if (event) {
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Test
	void tenThousandConcurrentCallsEachGetTheirOwnResponseWithNoLeakOrLoss() throws Exception {
		DefaultLambdaInvoker invoker = invoker();
		warmUp(invoker);
		this.requestResponseReceived.set(0);
		this.eventsReceived.set(0);
		long heapBefore = usedHeapAfterGc();
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger events = new AtomicInteger();
		AtomicInteger asyncEvents = new AtomicInteger();
		AtomicInteger correct = new AtomicInteger();
		ExecutorService callers = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		long began = System.nanoTime();
		assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				workers.add(callers.submit(() -> {
					start.await();
					for (int i = next.getAndIncrement(); i < CALLS; i = next.getAndIncrement()) {
						try {
							if (call(invoker, i, events, asyncEvents)) {
								correct.incrementAndGet();
							}
							else {
								errors.add("call " + i + " got another call's response");
							}
						}
						catch (RuntimeException ex) {
							errors.add("call " + i + ": " + ex);
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
		callers.shutdown();
		assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		long heapAfter = usedHeapAfterGc();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("calls", CALLS);
		figures.put("threads", THREADS);
		figures.put("calls.event", events.get());
		figures.put("calls.event.async", asyncEvents.get());
		figures.put("calls.request-response", CALLS - events.get());
		figures.put("responses.correct", correct.get());
		figures.put("errors", errors.size());
		figures.put("requests.received", this.requestResponseReceived.get() + this.eventsReceived.get());
		figures.put("requests.expected", CALLS);
		figures.put("wall-time.ms", wallTime.toMillis());
		figures.put("heap.used-after-gc.before.mb", heapBefore / (1024 * 1024));
		figures.put("heap.used-after-gc.after.mb", heapAfter / (1024 * 1024));
		ReliabilityFigures.write("load", figures);
		assertThat(errors).isEmpty();
		assertThat(correct.get()).isEqualTo(CALLS);
		assertThat(asyncEvents.get()).isEqualTo(CALLS / 8);
		assertThat(this.eventsReceived.get()).isEqualTo(events.get());
		assertThat(this.requestResponseReceived.get()).isEqualTo(CALLS - events.get());
		assertThat(heapAfter).isLessThan(heapBefore + HEAP_GROWTH_BOUND);
		assertThat(probe(invoker, false)).containsExactly(1);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(probe(invoker, true)).containsExactly(0));
	}

	/**
	 * Make call number {@code i}: every fourth an Event, every other RequestResponse call
	 * and every other Event asynchronous.
	 * @return whether the response was this call's own
	 */
	private static boolean call(DefaultLambdaInvoker invoker, int i, AtomicInteger events, AtomicInteger asyncEvents) {
		String payload = "{\"id\":\"call-" + i + "\",\"thread\":\"" + Thread.currentThread().getName() + "\"}";
		boolean async = (i % 2 == 1) || (i % 8 == 4);
		if (i % 4 == 0) {
			events.incrementAndGet();
			if (async) {
				asyncEvents.incrementAndGet();
			}
			LambdaRequest request = LambdaRequest.builder("audit")
				.invocationType(InvocationType.EVENT)
				.payload(payload)
				.build();
			LambdaResponse<Void> response = async ? invoker.invokeAsync(request, Void.class).join()
					: invoker.invoke(request, Void.class);
			return response.statusCode() == 202;
		}
		LambdaRequest request = LambdaRequest.of("pricing", payload);
		LambdaResponse<String> response = async ? invoker.invokeAsync(request, String.class).join()
				: invoker.invoke(request, String.class);
		return payload.equals(response.payload());
	}

	private List<Integer> probe(DefaultLambdaInvoker invoker, boolean async) {
		PoolProbe pool = async ? this.asyncPool : this.syncPool;
		pool.clear();
		LambdaRequest request = LambdaRequest.of("probe", "{}");
		if (async) {
			invoker.invokeAsync(request, String.class).join();
		}
		else {
			invoker.invoke(request, String.class);
		}
		return pool.leased();
	}

	private void warmUp(DefaultLambdaInvoker invoker) {
		AtomicInteger ignored = new AtomicInteger();
		for (int i = 0; i < 100; i++) {
			call(invoker, i, ignored, ignored);
		}
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private DefaultLambdaInvoker invoker() {
		LambdaProperties properties = new LambdaProperties();
		return DefaultLambdaInvoker.builder(this.client)
			.asyncClient(this.asyncClient)
			.functionRegistry(TestFunctionRegistries.from(properties))
			.retryExecutor(new SpringRetryExecutor(List.of()))
			.asyncExecutor(Runnable::run)
			.build();
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls on virtual threads (Java 21 and later): with
 * {@code spring.threads.virtual.enabled=true} the calls the starter runs on a thread of
 * its own (asynchronous calls without the asynchronous SDK client) run on the
 * application's virtual task executor, and neither they nor synchronous calls made from
 * virtual threads keep a carrier thread pinned while they wait for Lambda. Pinning is
 * counted from JFR's {@code jdk.VirtualThreadPinned} events, recorded in process. The
 * class compiles on Java 17: the Java 21 API is reached through reflection.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadInvocationTests {

	private static final int CALLS = 16;

	/**
	 * Long enough that every call parks on its socket read while others are in flight.
	 */
	private static final int LAMBDA_DELAY_MILLIS = 50;

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
		.withPropertyValues("spring.threads.virtual.enabled=true", "spring.task.execution.thread-name-prefix=app-task-")
		.withUserConfiguration(CallingThreadsConfiguration.class);

	@TempDir
	Path recordings;

	@Test
	void invokeAsyncRunsOnTheApplicationsVirtualThreadsWithoutPinningCarriers() {
		wireMock.stubFor(LambdaWireMock.invocation("pricing")
			.willReturn(LambdaWireMock.result("{\"cents\":250}").withFixedDelay(LAMBDA_DELAY_MILLIS)));
		this.contextRunner.run((context) -> {
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			List<RecordedEvent> pinned = pinnedInSecondBatch(() -> {
				List<CompletableFuture<Price>> calls = new ArrayList<>();
				for (int i = 0; i < CALLS; i++) {
					calls.add(invoker.invokeAsync("pricing", "{\"call\":" + i + "}", Price.class));
				}
				CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
				assertThat(calls).extracting(CompletableFuture::join).containsOnly(new Price(250));
			});
			assertThat(LambdaWireMock.invocations(wireMock, "pricing")).hasSize(2 * CALLS);
			assertThat(context.getBean(CallingThreads.class).threads()).hasSize(2 * CALLS).allSatisfy((thread) -> {
				assertThat(isVirtual(thread)).as("%s is virtual", thread).isTrue();
				assertThat(thread.getName()).as("thread of the application's task executor").startsWith("app-task-");
			});
			assertThat(pinned).as(PinnedCarrierRecording.describe(pinned)).isEmpty();
		});
	}

	@Test
	void synchronousCallsFromVirtualThreadsDoNotPinCarriers() {
		wireMock.stubFor(LambdaWireMock.invocation("pricing")
			.willReturn(LambdaWireMock.result("{\"cents\":250}").withFixedDelay(LAMBDA_DELAY_MILLIS)));
		this.contextRunner.run((context) -> {
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			ExecutorService virtualThreads = newVirtualThreadPerTaskExecutor();
			List<RecordedEvent> pinned;
			try {
				pinned = pinnedInSecondBatch(() -> {
					List<Future<Price>> calls = new ArrayList<>();
					for (int i = 0; i < CALLS; i++) {
						String payload = "{\"call\":" + i + "}";
						calls.add(virtualThreads.submit(() -> invoker.invoke("pricing", payload, Price.class)));
					}
					for (Future<Price> call : calls) {
						assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(new Price(250));
					}
				});
			}
			finally {
				virtualThreads.shutdown();
			}
			assertThat(LambdaWireMock.invocations(wireMock, "pricing")).hasSize(2 * CALLS);
			assertThat(context.getBean(CallingThreads.class).threads()).hasSize(2 * CALLS)
				.allSatisfy((thread) -> assertThat(isVirtual(thread)).as("%s is virtual", thread).isTrue());
			assertThat(pinned).as(PinnedCarrierRecording.describe(pinned)).isEmpty();
		});
	}

	@Test
	void recordingCountsAVirtualThreadPinnedInAClassInitializer() throws Exception {
		ExecutorService virtualThreads = newVirtualThreadPerTaskExecutor();
		try (PinnedCarrierRecording recording = new PinnedCarrierRecording(this.recordings)) {
			virtualThreads.submit(ParksWhileInitialized::initialize).get(30, TimeUnit.SECONDS);
			assertThat(recording.stop()).hasSize(1);
		}
		finally {
			virtualThreads.shutdown();
		}
	}

	/**
	 * Run a batch of calls twice and return the pinned events of the second run. The
	 * first run loads and initializes the classes the calls use: a virtual thread that
	 * loads a class, or waits for another thread to initialize one, stays on its carrier
	 * on every Java version, once per class and JVM. The second run is what every later
	 * call does.
	 */
	private List<RecordedEvent> pinnedInSecondBatch(Batch batch) throws Exception {
		batch.run();
		try (PinnedCarrierRecording recording = new PinnedCarrierRecording(this.recordings)) {
			batch.run();
			return recording.stop();
		}
	}

	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Thread.isVirtual() needs Java 21", ex);
		}
	}

	private static ExecutorService newVirtualThreadPerTaskExecutor() {
		try {
			return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Executors.newVirtualThreadPerTaskExecutor() needs Java 21", ex);
		}
	}

	record Price(long cents) {
	}

	/**
	 * Calls that wait for their outcome.
	 */
	@FunctionalInterface
	interface Batch {

		void run() throws Exception;

	}

	/**
	 * Parks once while its class is initialized: a class initializer is entered from the
	 * VM, which keeps a virtual thread on its carrier on every Java version, so the
	 * recording must see exactly one pinned park.
	 */
	static final class ParksWhileInitialized {

		static {
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
		}

		private ParksWhileInitialized() {
		}

		static void initialize() {
		}

	}

	/**
	 * Records the thread that sends each request: the synchronous SDK client sends on the
	 * thread that called it.
	 */
	static final class CallingThreads implements ExecutionInterceptor {

		private final List<Thread> threads = new CopyOnWriteArrayList<>();

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			this.threads.add(Thread.currentThread());
		}

		List<Thread> threads() {
			return List.copyOf(this.threads);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CallingThreadsConfiguration {

		@Bean
		CallingThreads callingThreads() {
			return new CallingThreads();
		}

		@Bean
		LambdaClientCustomizer recordCallingThreads(CallingThreads callingThreads) {
			return (builder) -> builder
				.overrideConfiguration((config) -> config.addExecutionInterceptor(callingThreads));
		}

	}

}

package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the asynchronous client and its Netty event loop come to exist, and what closing
 * the context costs with and without them. The figures are logged.
 */
class AsyncClientLifecycleTests {

	private static final System.Logger logger = System.getLogger(AsyncClientLifecycleTests.class.getName());

	/** Netty event loop threads of the SDK's asynchronous HTTP client. */
	private static final String EVENT_LOOP_THREAD = "NettyEventLoop";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.asyncContextRunner(wireMock);

	@Test
	void noEventLoopThreadExistsBeforeTheFirstAsynchronousCall() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		Set<Thread> before = eventLoopThreads();
		this.contextRunner.run((context) -> {
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			assertThat(invoker.invoke("pricing", null, String.class)).isEqualTo("12.50");
			assertThat(eventLoopThreads()).as("event loop threads after a synchronous call").isEqualTo(before);
			assertThat(invoker.invokeAsync("pricing", null, String.class).get(10, TimeUnit.SECONDS)).isEqualTo("12.50");
			assertThat(eventLoopThreads()).as("event loop threads after an asynchronous call")
				.containsAll(before)
				.hasSizeGreaterThan(before.size());
		});
	}

	@Test
	void contextThatNeverCallsAsynchronouslyClosesAsFastAsOneWithoutTheStarter() {
		ApplicationContextRunner withoutNetty = this.contextRunner
			.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class));
		ApplicationContextRunner withoutStarter = new ApplicationContextRunner();
		// Warm up class loading and the JIT, so that no measurement pays for them.
		closeTime(this.contextRunner, (context) -> {
		});
		closeTime(withoutNetty, (context) -> {
		});
		closeTime(withoutStarter, (context) -> {
		});
		Set<Thread> before = eventLoopThreads();
		Duration withNettyClose = closeTime(this.contextRunner, (context) -> {
		});
		Duration withoutNettyClose = closeTime(withoutNetty, (context) -> {
		});
		Duration withoutStarterClose = closeTime(withoutStarter, (context) -> {
		});
		logger.log(System.Logger.Level.INFO,
				"Context close: " + withNettyClose.toMillis() + "ms with Netty and no asynchronous call, "
						+ withoutNettyClose.toMillis() + "ms without Netty, " + withoutStarterClose.toMillis()
						+ "ms without the starter");
		// Closing the SDK's own event loop takes 2 seconds even unused; the bound is
		// generous for a busy machine and still far below that.
		assertThat(withNettyClose.minus(withoutStarterClose)).isLessThan(Duration.ofMillis(500));
		assertThat(eventLoopThreads()).isEqualTo(before);
	}

	@Test
	void contextThatCalledAsynchronouslyClosesWithinTheQuietPeriodAndItsGrace() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		Duration quietPeriod = Duration.ofMillis(100);
		Set<Thread> before = eventLoopThreads();
		Duration close = closeTime(
				this.contextRunner
					.withPropertyValues("aws.lambda.http.shutdown-quiet-period=" + quietPeriod.toMillis() + "ms"),
				(context) -> assertThat(context.getBean(LambdaInvoker.class)
					.invokeAsync("pricing", null, String.class)
					.get(10, TimeUnit.SECONDS)).isEqualTo("12.50"));
		logger.log(System.Logger.Level.INFO, "Context close after an asynchronous call: " + close.toMillis()
				+ "ms with a quiet period of " + quietPeriod.toMillis() + "ms");
		assertThat(close).isLessThan(quietPeriod.plus(NettyEventLoop.SHUTDOWN_GRACE));
		Set<Thread> started = eventLoopThreads();
		started.removeAll(before);
		assertThat(started).as("event loop threads left running").noneMatch(Thread::isAlive);
	}

	/**
	 * Return how long the context took to close after the given consumer ran.
	 */
	private static Duration closeTime(ApplicationContextRunner runner,
			ContextConsumer<AssertableApplicationContext> beforeClose) {
		long[] closing = new long[1];
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			beforeClose.accept(context);
			closing[0] = System.nanoTime();
		});
		return Duration.ofNanos(System.nanoTime() - closing[0]);
	}

	private static Set<Thread> eventLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().contains(EVENT_LOOP_THREAD))
			.collect(Collectors.toSet());
	}

}

package io.github.lambdainvoker.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.sample.orders.OrderService;
import io.github.lambdainvoker.test.autoconfigure.LambdaClientTest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.SmartContextLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the application context of a {@link LambdaClientTest @LambdaClientTest} of the
 * order service takes to start, against the {@code @SpringBootTest} of the whole sample
 * that {@link SampleApplicationTests} uses. Each context is started three times, in turn
 * and outside the test context cache, as a test would start it; the times are logged and
 * the fastest of each compared.
 */
class StartupTimeTests {

	private static final Log logger = LogFactory.getLog(StartupTimeTests.class);

	private static final int ROUNDS = 3;

	@Test
	void sliceStartsFasterThanTheWholeApplicationAndWithoutWebServer() throws Exception {
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		List<Long> slice = new ArrayList<>();
		List<Long> full = new ArrayList<>();
		try {
			for (int i = 0; i < ROUNDS; i++) {
				full.add(startupMillis(WholeApplication.class, started));
				slice.add(startupMillis(OrderServiceSlice.class, started));
			}
		}
		finally {
			// Closing takes seconds (the SDK's asynchronous client shuts its event loop
			// down gracefully), so close all at once, once every start is measured.
			CompletableFuture
				.allOf(started.stream()
					.map((context) -> CompletableFuture.runAsync(context::close))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		logger.info("Context start-up: @LambdaClientTest(OrderService.class) " + describe(slice)
				+ "; @SpringBootTest(webEnvironment = RANDOM_PORT) " + describe(full));
		assertThat(started).filteredOn((context) -> context instanceof WebServerApplicationContext).hasSize(ROUNDS);
		// Other work on the machine only ever adds time, so the fastest start is the
		// steadiest measure of each
		assertThat(Collections.min(slice)).isLessThan(Collections.min(full));
	}

	private static String describe(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		return "fastest " + sorted.get(0) + " ms, median " + sorted.get(sorted.size() / 2) + " ms " + millis;
	}

	private static long startupMillis(Class<?> testClass, List<ConfigurableApplicationContext> started)
			throws Exception {
		MergedContextConfiguration configuration = BootstrapUtils.resolveTestContextBootstrapper(testClass)
			.buildMergedContextConfiguration();
		SmartContextLoader loader = (SmartContextLoader) configuration.getContextLoader();
		long start = System.nanoTime();
		started.add((ConfigurableApplicationContext) loader.loadContext(configuration));
		return (System.nanoTime() - start) / 1_000_000;
	}

	@LambdaClientTest(OrderService.class)
	static class OrderServiceSlice {

	}

	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	static class WholeApplication {

	}

}

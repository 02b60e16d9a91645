package io.github.lambdainvoker.benchmarks.startup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import io.github.lambdainvoker.benchmarks.startup.listed.ListedClients;
import io.github.lambdainvoker.client.EnableLambdaClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Time to start an application context with the starter's auto-configurations and 0 or
 * 100 {@code @LambdaClient} interfaces (generated at build time, three methods each),
 * found by a classpath scan or listed. Each measurement starts one context, closed
 * untimed; by default the first context of a fresh JVM is measured ("cold"), in many
 * forks.
 * <p>
 * The baseline with 0 clients scans a package of 100 interfaces generated like the
 * clients but without {@code @LambdaClient}, as the starter scans an application's
 * packages, so that both contexts read the same number of class files and the difference
 * is what the clients themselves cost. {@code 0-no-scan} registers no clients and scans
 * nothing, to show what the scan costs on its own in a context that does no other
 * classpath scan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {

	static final Map<String, Object> PROPERTIES = Map.of("aws.lambda.region", "us-east-1", "aws.lambda.endpoint",
			"http://127.0.0.1:9");

	/**
	 * The clients: none in a scanned package of 100 other interfaces, 100 found by a
	 * classpath scan, the same 100 listed in {@code @EnableLambdaClients(clients = ...)},
	 * which registers them without a scan, or none and no scan at all.
	 */
	@Param({ "0", "100", "100-listed", "0-no-scan" })
	public String clients = "0";

	private @Nullable ConfigurableApplicationContext context;

	@Benchmark
	public ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(configuration(this.clients));
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(PROPERTIES);
		this.context = application.run();
		return this.context;
	}

	// Closing is not timed: the async client's Netty event loop shuts down gracefully,
	// which takes seconds and has nothing to do with the clients.
	@TearDown(Level.Iteration)
	public void close() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	static Class<?> configuration(String clients) {
		return switch (clients) {
			case "0" -> NoClients.class;
			case "100" -> HundredClients.class;
			case "100-listed" -> ListedClients.class;
			case "0-no-scan" -> NoScan.class;
			default -> throw new IllegalArgumentException(
					"Unknown clients '" + clients + "': 0, 100, 100-listed or 0-no-scan");
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(basePackages = "io.github.lambdainvoker.benchmarks.startup.plain")
	static class NoClients {

	}

	// Without @EnableLambdaClients and without an auto-configuration package, the
	// starter's registrar has nothing to scan.
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	static class NoScan {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(basePackages = "io.github.lambdainvoker.benchmarks.startup.clients")
	static class HundredClients {

	}

}

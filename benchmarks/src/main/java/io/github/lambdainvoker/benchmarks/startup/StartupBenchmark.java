package io.github.lambdainvoker.benchmarks.startup;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import io.github.lambdainvoker.client.EnableLambdaClients;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Time to start an application context with the starter's auto-configurations and 0 or
 * 100 {@code @LambdaClient} interfaces (generated at build time, three methods each). Each
 * measurement starts and closes one context; by default the first context of a fresh JVM
 * is measured ("cold"), in many forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class StartupBenchmark {

	@Param({ "0", "100" })
	public int clients;

	@Benchmark
	public ConfigurableApplicationContext start() {
		Class<?> configuration = (this.clients == 0) ? NoClients.class : HundredClients.class;
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(
				Map.of("aws.lambda.region", "us-east-1", "aws.lambda.endpoint", "http://127.0.0.1:9"));
		try (ConfigurableApplicationContext context = application.run()) {
			return context;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(basePackages = "io.github.lambdainvoker.benchmarks.startup.empty")
	static class NoClients {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(basePackages = "io.github.lambdainvoker.benchmarks.startup.clients")
	static class HundredClients {

	}

}

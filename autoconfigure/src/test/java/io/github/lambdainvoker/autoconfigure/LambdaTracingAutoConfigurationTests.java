package io.github.lambdainvoker.autoconfigure;

import java.util.Map;

import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.tracing.TraceContextClientContextContributor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaTracingAutoConfiguration}.
 */
class LambdaTracingAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaTracingAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"))
		.withPropertyValues("aws.lambda.region=eu-west-1")
		.withBean(AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")));

	@Test
	void contributesTraceContextWhenTracerAndPropagatorArePresent() {
		this.contextRunner.withUserConfiguration(TracingConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(TraceContextClientContextContributor.class));
	}

	@Test
	void backsOffWithoutPropagator() {
		this.contextRunner.withBean(Tracer.class, SimpleTracer::new)
			.run((context) -> assertThat(context).doesNotHaveBean(ClientContextContributor.class));
	}

	@Test
	void backsOffWithoutMicrometerTracing() {
		this.contextRunner.withUserConfiguration(TracingConfiguration.class)
			.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty", "io.micrometer.tracing"))
			.run((context) -> assertThat(context).doesNotHaveBean(ClientContextContributor.class));
	}

	@Test
	void backsOffWhenUserDefinesContributor() {
		this.contextRunner.withUserConfiguration(TracingConfiguration.class, UserContributorConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ClientContextContributor.class)
				.doesNotHaveBean(TraceContextClientContextContributor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class TracingConfiguration {

		@Bean
		SimpleTracer tracer() {
			return new SimpleTracer();
		}

		@Bean
		Propagator propagator() {
			return Propagator.NOOP;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		@Bean
		ClientContextContributor userContributor() {
			return (function) -> Map.of("team", "checkout");
		}

	}

}

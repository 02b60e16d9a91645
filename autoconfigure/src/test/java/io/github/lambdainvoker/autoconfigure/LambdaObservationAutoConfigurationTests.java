package io.github.lambdainvoker.autoconfigure;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.core.instrument.Timer;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationContext;
import io.github.lambdainvoker.invoke.observation.InvocationMeterObservationHandler;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.observation.DefaultLambdaInvocationObservationConvention;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationConvention;
import io.github.lambdainvoker.invoke.observation.PayloadSizeObservationHandler;
import io.github.lambdainvoker.invoke.observation.RetryMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaObservationAutoConfiguration} and
 * {@link LambdaMetricsAutoConfiguration} with Spring Boot's observation and metrics
 * auto-configuration.
 */
class LambdaObservationAutoConfigurationTests {

	private static final String INVOCATIONS = "aws.lambda.invocations";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class,
				LambdaObservationAutoConfiguration.class, LambdaMetricsAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"))
		.withPropertyValues("aws.lambda.region=eu-west-1", "aws.lambda.endpoint=" + wireMock.baseUrl(),
				"aws.lambda.defaults.retry.max-attempts=2", "aws.lambda.defaults.retry.initial-interval=5ms",
				"aws.lambda.defaults.retry.jitter=false")
		.withUserConfiguration(TestCredentialsConfiguration.class);

	@Test
	void callsAreTimedThroughTheApplicationsRegistries() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(InvocationObserver.class);
			invoke(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(INVOCATIONS)
				.tags("function", "pricing", "outcome", "SUCCESS", "error.type", "none")
				.timer()
				.count()).isOne();
			assertThat(meters.get(INVOCATIONS + ".active").longTaskTimer().activeTasks()).isZero();
			assertThat(meters.get(PayloadSizeObservationHandler.METER_NAME)
				.tags("function", "pricing", "direction", "response")
				.summary()
				.totalAmount()).isEqualTo(4);
		});
	}

	@Test
	void lambdaCallsAreMeteredByTheLambdaHandlerAheadOfSpringBootsDefault() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.withUserConfiguration(ContextRecorderConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(InvocationMeterObservationHandler.class);
			invoke(context);
			List<Observation.Context> contexts = context.getBean(ContextRecorderConfiguration.class).contexts;
			assertThat(contexts).hasSize(1);
			assertThat((Object) contexts.get(0).get(Timer.Sample.class)).as("default handler's sample").isNull();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(INVOCATIONS).timers()).singleElement()
				.satisfies((timer) -> assertThat(timer.count()).isOne())
				.satisfies((timer) -> assertThat(timer.getId().getTag("error")).isEqualTo("none"));
			assertThat(meters.get(INVOCATIONS + ".active").longTaskTimer().activeTasks()).isZero();
		});
	}

	@Test
	void ignoredLongTaskTimerPropertyAppliesToLambdaCalls() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
			.run((context) -> {
				invoke(context);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find(INVOCATIONS + ".active").meters()).isEmpty();
				assertThat(meters.get(INVOCATIONS).timer().count()).isOne();
			});
	}

	@Test
	void retriesAreCountedWithTheirReason() {
		stub(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException"));
		this.contextRunner.run((context) -> {
			invoke(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(RetryMetricsListener.METER_NAME)
				.tags("function", "pricing", "reason", "server_error")
				.counter()
				.count()).isOne();
			assertThat(meters.get(INVOCATIONS).tags("outcome", "SERVER_ERROR").timer().count()).isOne();
		});
	}

	@Test
	void managementMetricsEnableSwitchesMetersOff() {
		stub(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException"));
		this.contextRunner
			.withPropertyValues("management.metrics.enable.aws.lambda.retries=false",
					"management.metrics.enable.aws.lambda.payload=false")
			.run((context) -> {
				invoke(context);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find(RetryMetricsListener.METER_NAME).meters()).isEmpty();
				assertThat(meters.find(PayloadSizeObservationHandler.METER_NAME).meters()).isEmpty();
				assertThat(meters.get(INVOCATIONS).timer().count()).isOne();
			});
	}

	@Test
	void managementObservationsEnableSwitchesTheObservationOff() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.withPropertyValues("management.observations.enable.aws.lambda=false").run((context) -> {
			invoke(context);
			assertThat(context.getBean(MeterRegistry.class).find(INVOCATIONS).meters()).isEmpty();
		});
	}

	@Test
	void observationsEnabledFalseTurnsObservationAndMetersOff() {
		stub(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException"));
		this.contextRunner.withPropertyValues("aws.lambda.observations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(InvocationObserver.class)
				.doesNotHaveBean(RetryMetricsListener.class)
				.doesNotHaveBean(PayloadSizeObservationHandler.class);
			invoke(context);
			assertThat(context.getBean(MeterRegistry.class).getMeters())
				.noneMatch((meter) -> meter.getId().getName().startsWith("aws.lambda"));
		});
	}

	@Test
	void customConventionBeanIsUsed() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.withUserConfiguration(CustomConventionConfiguration.class).run((context) -> {
			invoke(context);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("lambda.calls").timer().count()).isOne();
			assertThat(meters.find(INVOCATIONS).meters()).isEmpty();
		});
	}

	@Test
	void userObserverWins() {
		this.contextRunner.withUserConfiguration(UserObserverConfiguration.class)
			.run((context) -> assertThat(context).getBean(InvocationObserver.class)
				.isSameAs(context.getBean("userObserver")));
	}

	@Test
	void withoutRegistriesCallsAreNotObservedAndStillWork() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class,
					LambdaObservationAutoConfiguration.class, LambdaMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"))
			.withPropertyValues("aws.lambda.region=eu-west-1", "aws.lambda.endpoint=" + wireMock.baseUrl())
			.withUserConfiguration(TestCredentialsConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ObservationRegistry.class)
					.doesNotHaveBean(MeterRegistry.class)
					.doesNotHaveBean(RetryMetricsListener.class);
				ResolvedFunction function = ResolvedFunction.of("pricing", FunctionOptions.NONE);
				assertThat(context.getBean(InvocationObserver.class).start(function, LambdaRequest.of("pricing", null)))
					.isSameAs(InvocationObserver.Observed.NONE);
				assertThat(context.getBean(LambdaInvoker.class).invoke("pricing", "{}", String.class))
					.isEqualTo("\"ok\"");
			});
	}

	@Test
	void withoutMicrometerBacksOffAndCallsStillWork() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty", "io.micrometer"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(InvocationObserver.class);
				assertThat(context.getBean(LambdaInvoker.class).invoke("pricing", "{}", String.class))
					.isEqualTo("\"ok\"");
			});
	}

	@Test
	void callsOpenNoScopeWhenOnlyMetersAreRecorded() {
		stub(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException"));
		this.contextRunner.withUserConfiguration(CurrentObservationRecorderConfiguration.class).run((context) -> {
			invoke(context);
			assertThat(context.getBean(CurrentObservationRecorderConfiguration.class).current)
				.as("current observation when the retry is decided")
				.containsExactly("none");
			assertThat(context.getBean(MeterRegistry.class).get(INVOCATIONS).timer().count()).isOne();
		});
	}

	@Test
	void callsAreTheCurrentObservationWhenAHandlerOtherThanAMeterHandlerIsRegistered() {
		stub(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException"));
		this.contextRunner
			.withUserConfiguration(CurrentObservationRecorderConfiguration.class, ContextRecorderConfiguration.class)
			.run((context) -> {
				invoke(context);
				assertThat(context.getBean(CurrentObservationRecorderConfiguration.class).current)
					.containsExactly(INVOCATIONS);
			});
	}

	@Test
	void callsAreTheCurrentObservationForAContributorOfClientContext() {
		stub(aResponse().withStatus(200).withBody("\"ok\""));
		this.contextRunner.withUserConfiguration(CurrentObservationRecorderConfiguration.class)
			.withPropertyValues("test.contributor=true")
			.run((context) -> {
				invoke(context);
				assertThat(context.getBean(CurrentObservationRecorderConfiguration.class).contributed)
					.containsExactly(INVOCATIONS);
			});
	}

	private static void invoke(AssertableApplicationContext context) {
		try {
			context.getBean(LambdaInvoker.class).invoke("pricing", "{}", String.class);
		}
		catch (LambdaInvocationException ex) {
			// The meters are what is asserted.
		}
	}

	private static void stub(ResponseDefinitionBuilder response) {
		wireMock.stubFor(post(anyUrl()).willReturn(response));
	}

	@Configuration(proxyBeanMethods = false)
	static class CurrentObservationRecorderConfiguration {

		final List<String> current = new CopyOnWriteArrayList<>();

		final List<String> contributed = new CopyOnWriteArrayList<>();

		@Bean
		InvocationRetryListener currentObservationRecorder(ObjectProvider<ObservationRegistry> registry) {
			return (invocation, attempt, reason, failure, wait) -> this.current.add(currentName(registry));
		}

		@Bean
		@ConditionalOnProperty("test.contributor")
		ClientContextContributor currentObservationContributor(ObjectProvider<ObservationRegistry> registry) {
			return (function) -> {
				this.contributed.add(currentName(registry));
				return Map.of();
			};
		}

		private static String currentName(ObjectProvider<ObservationRegistry> registry) {
			Observation observation = registry.getObject().getCurrentObservation();
			return (observation != null) ? observation.getContext().getName() : "none";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ContextRecorderConfiguration {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> contextRecorder() {
			return new ObservationHandler<>() {

				@Override
				public void onStop(Observation.Context context) {
					ContextRecorderConfiguration.this.contexts.add(context);
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof LambdaInvocationContext;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConventionConfiguration {

		@Bean
		LambdaInvocationObservationConvention customConvention() {
			return new DefaultLambdaInvocationObservationConvention() {

				@Override
				public String getName() {
					return "lambda.calls";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserObserverConfiguration {

		@Bean
		InvocationObserver userObserver() {
			return InvocationObserver.NONE;
		}

	}

}

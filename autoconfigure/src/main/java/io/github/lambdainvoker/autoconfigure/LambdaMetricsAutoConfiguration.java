package io.github.lambdainvoker.autoconfigure;

import java.util.Set;

import io.github.lambdainvoker.invoke.observation.InvocationMeterObservationHandler;
import io.github.lambdainvoker.invoke.observation.PayloadSizeObservationHandler;
import io.github.lambdainvoker.invoke.observation.RetryMetricsListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.observation.ObservationHandler;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Lambda meters that the {@code aws.lambda.invocations} timer
 * does not give: retries ({@code aws.lambda.retries}) and payload sizes
 * ({@code aws.lambda.payload.size}). Registered through the application's
 * {@link MeterRegistry}, so {@code management.metrics.enable.*} applies to them.
 */
@AutoConfiguration(after = LambdaObservationAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ LambdaClient.class, MeterRegistry.class, ObservationHandler.class })
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "aws.lambda.observations.enabled", matchIfMissing = true)
public final class LambdaMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RetryMetricsListener lambdaRetryMetricsListener(MeterRegistry meterRegistry) {
		return new RetryMetricsListener(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	InvocationMeterObservationHandler lambdaInvocationMeterObservationHandler(MeterRegistry meterRegistry,
			Environment environment) {
		// The meters Spring Boot's default handler leaves out, so that both record alike.
		IgnoredMeters[] ignored = Binder.get(environment)
			.bind("management.metrics.observations.ignored-meters", Bindable.setOf(IgnoredMeters.class))
			.orElse(Set.of())
			.toArray(IgnoredMeters[]::new);
		return new InvocationMeterObservationHandler(meterRegistry, ignored);
	}

	@Bean
	@ConditionalOnMissingBean
	PayloadSizeObservationHandler lambdaPayloadSizeObservationHandler(MeterRegistry meterRegistry) {
		return new PayloadSizeObservationHandler(meterRegistry);
	}

}

package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.tracing.TraceContextClientContextContributor;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that propagates the current trace context to synchronously invoked
 * functions, in the client context's {@code custom} section, when Micrometer Tracing
 * provides a {@link Tracer} and a {@link Propagator}.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration",
		"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration" })
@ConditionalOnClass({ LambdaClient.class, Tracer.class })
@ConditionalOnBean({ Tracer.class, Propagator.class })
public final class LambdaTracingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ClientContextContributor.class)
	TraceContextClientContextContributor lambdaTraceContextContributor(Tracer tracer, Propagator propagator) {
		return new TraceContextClientContextContributor(tracer, propagator);
	}

}

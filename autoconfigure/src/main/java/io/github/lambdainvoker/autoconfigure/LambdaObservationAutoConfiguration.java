package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationConvention;
import io.github.lambdainvoker.invoke.observation.ObservationInvocationObserver;
import io.github.lambdainvoker.invoke.observation.PayloadSizeObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration that observes every Lambda call with the application's
 * {@link ObservationRegistry}, as the {@code aws.lambda.invocations} observation. Without
 * a registry, calls are not observed and pay nothing for it.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ LambdaClient.class, ObservationRegistry.class })
@ConditionalOnBooleanProperty(name = "aws.lambda.observations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LambdaObservationProperties.class)
public final class LambdaObservationAutoConfiguration {

	private static final boolean METERS_PRESENT = ClassUtils.isPresent("io.micrometer.core.instrument.MeterRegistry",
			LambdaObservationAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	InvocationObserver lambdaInvocationObserver(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LambdaInvocationObservationConvention> convention,
			ObjectProvider<ObservationHandler<?>> handlers, ObjectProvider<ClientContextContributor> contributors) {
		// A call is made the current observation while it runs only where something can
		// see it: a handler other than those recording meters, such as tracing's, or a
		// contributor of client context, which runs within the call.
		boolean openScopes = contributors.stream().findAny().isPresent()
				|| handlers.stream().anyMatch(LambdaObservationAutoConfiguration::reactsToScopes);
		return new ObservationInvocationObserver(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				convention.getIfUnique(), openScopes);
	}

	private static boolean reactsToScopes(ObservationHandler<?> handler) {
		return !METERS_PRESENT || !MeterHandlers.isMeterHandler(handler);
	}

	/**
	 * The handlers that only record meters, kept apart so that nothing loads their types
	 * without Micrometer's meters on the class path.
	 */
	private static final class MeterHandlers {

		static boolean isMeterHandler(ObservationHandler<?> handler) {
			return handler instanceof MeterObservationHandler || handler instanceof PayloadSizeObservationHandler;
		}

	}

}

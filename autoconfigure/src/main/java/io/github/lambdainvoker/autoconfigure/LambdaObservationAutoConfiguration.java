package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationConvention;
import io.github.lambdainvoker.invoke.observation.ObservationInvocationObserver;
import io.micrometer.observation.ObservationRegistry;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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

	@Bean
	@ConditionalOnMissingBean
	InvocationObserver lambdaInvocationObserver(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<LambdaInvocationObservationConvention> convention) {
		return new ObservationInvocationObserver(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				convention.getIfUnique());
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.util.Collection;
import java.util.List;

import io.github.lambdainvoker.client.AbstractLambdaClientsRegistrar;
import io.github.lambdainvoker.client.LambdaClient;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@link LambdaClient @LambdaClient} interfaces found in the application's
 * auto-configuration packages, those of its {@code @SpringBootApplication} class.
 */
class AutoConfiguredLambdaClientsRegistrar extends AbstractLambdaClientsRegistrar {

	private final BeanFactory beanFactory;

	AutoConfiguredLambdaClientsRegistrar(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	protected Collection<String> basePackages(AnnotationMetadata importingClass) {
		return AutoConfigurationPackages.has(this.beanFactory) ? AutoConfigurationPackages.get(this.beanFactory)
				: List.of();
	}

}

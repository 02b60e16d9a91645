package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaClientBeanDefinitions;
import io.github.lambdainvoker.client.LambdaClientScanner;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@link LambdaClient @LambdaClient} interfaces found in the application's
 * auto-configuration packages, those of its {@code @SpringBootApplication} class.
 */
class AutoConfiguredLambdaClientsRegistrar implements ImportBeanDefinitionRegistrar {

	private final BeanFactory beanFactory;

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	AutoConfiguredLambdaClientsRegistrar(BeanFactory beanFactory, Environment environment,
			ResourceLoader resourceLoader) {
		this.beanFactory = beanFactory;
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (!AutoConfigurationPackages.has(this.beanFactory)) {
			return;
		}
		new LambdaClientScanner(this.environment, this.resourceLoader)
			.scan(AutoConfigurationPackages.get(this.beanFactory))
			.forEach((clientType) -> LambdaClientBeanDefinitions.register(registry, clientType));
	}

}

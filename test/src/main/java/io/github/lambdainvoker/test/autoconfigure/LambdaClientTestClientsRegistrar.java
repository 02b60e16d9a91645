package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.client.EnableLambdaClients;
import io.github.lambdainvoker.client.LambdaClientBeanDefinitions;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code @LambdaClient} interfaces that a
 * {@link LambdaClientTest @LambdaClientTest} names, instead of those of the application's
 * packages. When it names none, the auto-configuration registers the application's.
 */
class LambdaClientTestClientsRegistrar implements ImportBeanDefinitionRegistrar {

	private static final String MARKER_BEAN_NAME = LambdaClientTestClientsRegistrar.class.getName() + ".clients";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		MergedAnnotation<LambdaClientTest> annotation = metadata.getAnnotations().get(LambdaClientTest.class);
		Class<?>[] clients = annotation.isPresent() ? annotation.getClassArray("clients") : new Class<?>[0];
		if (clients.length == 0 || registry.containsBeanDefinition(MARKER_BEAN_NAME)) {
			return;
		}
		for (Class<?> client : clients) {
			LambdaClientBeanDefinitions.register(registry, client);
		}
		RootBeanDefinition marker = new RootBeanDefinition(NamedClients.class);
		// A factory method keeps the marker from being parsed as a configuration class,
		// whose @EnableLambdaClients would scan its package
		marker.setFactoryMethodName("create");
		registry.registerBeanDefinition(MARKER_BEAN_NAME, marker);
	}

	/**
	 * Switches off the registration of the application's client interfaces, as a bean
	 * annotated with {@link EnableLambdaClients @EnableLambdaClients} does.
	 */
	@EnableLambdaClients
	static final class NamedClients {

		private NamedClients() {
		}

		static NamedClients create() {
			return new NamedClients();
		}

	}

}

package io.github.lambdainvoker.test.autoconfigure;

import java.util.Collection;
import java.util.List;

import io.github.lambdainvoker.client.AbstractLambdaClientsRegistrar;
import io.github.lambdainvoker.client.EnableLambdaClients;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the {@code @LambdaClient} interfaces that a
 * {@link LambdaClientTest @LambdaClientTest} names, instead of those of the application's
 * packages. When it names none, the auto-configuration registers the application's.
 */
class LambdaClientTestClientsRegistrar extends AbstractLambdaClientsRegistrar {

	private static final String MARKER_BEAN_NAME = LambdaClientTestClientsRegistrar.class.getName() + ".clients";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (clients(metadata).isEmpty() || registry.containsBeanDefinition(MARKER_BEAN_NAME)) {
			return;
		}
		super.registerBeanDefinitions(metadata, registry);
		RootBeanDefinition marker = new RootBeanDefinition(NamedClients.class);
		// A factory method keeps the marker from being parsed as a configuration class,
		// whose @EnableLambdaClients would scan its package
		marker.setFactoryMethodName("create");
		registry.registerBeanDefinition(MARKER_BEAN_NAME, marker);
	}

	@Override
	protected Collection<String> basePackages(AnnotationMetadata importingClass) {
		return List.of();
	}

	@Override
	protected Collection<Class<?>> clients(AnnotationMetadata importingClass) {
		MergedAnnotation<LambdaClientTest> annotation = importingClass.getAnnotations().get(LambdaClientTest.class);
		return annotation.isPresent() ? List.of(annotation.getClassArray("clients")) : List.of();
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

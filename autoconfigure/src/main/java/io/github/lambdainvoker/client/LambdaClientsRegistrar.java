package io.github.lambdainvoker.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the clients that {@link EnableLambdaClients @EnableLambdaClients} names or
 * whose packages it names.
 */
class LambdaClientsRegistrar implements ImportBeanDefinitionRegistrar {

	private final Environment environment;

	private final ResourceLoader resourceLoader;

	LambdaClientsRegistrar(Environment environment, ResourceLoader resourceLoader) {
		this.environment = environment;
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		MergedAnnotation<EnableLambdaClients> annotation = metadata.getAnnotations().get(EnableLambdaClients.class);
		Set<String> basePackages = new LinkedHashSet<>(Arrays.asList(annotation.getStringArray("basePackages")));
		for (Class<?> basePackageClass : annotation.getClassArray("basePackageClasses")) {
			basePackages.add(ClassUtils.getPackageName(basePackageClass));
		}
		Class<?>[] clients = annotation.getClassArray("clients");
		if (basePackages.isEmpty() && clients.length == 0) {
			basePackages.add(ClassUtils.getPackageName(metadata.getClassName()));
		}
		Set<Class<?>> clientTypes = new LinkedHashSet<>(Arrays.asList(clients));
		clientTypes.addAll(new LambdaClientScanner(this.environment, this.resourceLoader).scan(basePackages));
		clientTypes.forEach((clientType) -> LambdaClientBeanDefinitions.register(registry, clientType));
	}

}

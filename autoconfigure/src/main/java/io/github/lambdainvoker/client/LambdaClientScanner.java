package io.github.lambdainvoker.client;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds the interfaces annotated with {@link LambdaClient @LambdaClient} in packages and
 * their sub-packages.
 */
final class LambdaClientScanner {

	private final ClassPathScanningCandidateComponentProvider provider;

	private final ResourceLoader resourceLoader;

	/**
	 * Create a scanner.
	 * @param environment the environment, for placeholders in package names
	 * @param resourceLoader the resource loader to scan and load classes with
	 */
	LambdaClientScanner(Environment environment, ResourceLoader resourceLoader) {
		this.provider = new InterfaceCandidateProvider(environment);
		this.provider.setResourceLoader(resourceLoader);
		this.provider.addIncludeFilter(new AnnotationTypeFilter(LambdaClient.class));
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Find the client interfaces in packages.
	 * @param basePackages the packages to scan, with their sub-packages
	 * @return the client interfaces, in the order found
	 */
	Set<Class<?>> scan(Collection<String> basePackages) {
		Set<Class<?>> clients = new LinkedHashSet<>();
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : this.provider.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className != null) {
					clients.add(ClassUtils.resolveClassName(className, this.resourceLoader.getClassLoader()));
				}
			}
		}
		return clients;
	}

	/**
	 * Accepts top-level and nested interfaces, which component scanning leaves out.
	 */
	private static final class InterfaceCandidateProvider extends ClassPathScanningCandidateComponentProvider {

		InterfaceCandidateProvider(Environment environment) {
			super(false, environment);
		}

		@Override
		protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
			AnnotationMetadata metadata = beanDefinition.getMetadata();
			return metadata.isInterface() && !metadata.isAnnotation() && metadata.isIndependent();
		}

	}

}

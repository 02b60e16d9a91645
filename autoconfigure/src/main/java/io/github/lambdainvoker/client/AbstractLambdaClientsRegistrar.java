package io.github.lambdainvoker.client;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Base for the {@link ImportBeanDefinitionRegistrar registrars} that turn
 * {@link LambdaClient @LambdaClient} interfaces into beans: a subclass says which
 * packages to scan and which interfaces to register besides, this class scans and
 * registers one bean definition per interface, created by the
 * {@link LambdaClientFactory}. An interface that already has a bean definition is left
 * alone.
 * <p>
 * {@link EnableLambdaClients @EnableLambdaClients} and the auto-configuration each import
 * one; extend it to register clients from somewhere else.
 */
public abstract class AbstractLambdaClientsRegistrar
		implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware {

	private Environment environment = new StandardEnvironment();

	private ResourceLoader resourceLoader = new DefaultResourceLoader();

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Register a bean definition for each client interface of the {@link #basePackages
	 * base packages} and each of the {@link #clients clients}. Subclasses that override
	 * it call it.
	 */
	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClass, BeanDefinitionRegistry registry) {
		Set<Class<?>> clientTypes = new LinkedHashSet<>(clients(importingClass));
		Collection<String> basePackages = basePackages(importingClass);
		if (!basePackages.isEmpty()) {
			clientTypes.addAll(new LambdaClientScanner(this.environment, this.resourceLoader).scan(basePackages));
		}
		LambdaClientBeanDefinitions definitions = new LambdaClientBeanDefinitions(registry);
		clientTypes.forEach(definitions::register);
	}

	/**
	 * Return the packages to scan for {@link LambdaClient @LambdaClient} interfaces.
	 * @param importingClass the class that imported this registrar
	 * @return the packages, possibly empty
	 */
	protected abstract Collection<String> basePackages(AnnotationMetadata importingClass);

	/**
	 * Return client interfaces to register whether or not a scan finds them.
	 * @param importingClass the class that imported this registrar
	 * @return the interfaces, none by default
	 */
	protected Collection<Class<?>> clients(AnnotationMetadata importingClass) {
		return List.of();
	}

}

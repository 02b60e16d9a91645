package io.github.lambdainvoker.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Registers client interfaces as bean definitions whose instances come from the
 * {@link LambdaClientFactory} bean: plain factory-method definitions with the interface
 * as target type, so that type matching, qualifiers, lazy initialization and AOT
 * processing treat them like any other bean. One instance registers a batch of clients,
 * looking at the beans already defined once for the whole batch.
 */
final class LambdaClientBeanDefinitions {

	// Given to every definition, so that creating a client bean does not choose again
	// between the factory's createClient methods.
	private static final Method CREATE_CLIENT = ClassUtils.getMethod(LambdaClientFactory.class, "createClient",
			Class.class);

	private final BeanDefinitionRegistry registry;

	// Every type a bean of the registry can be injected as, collected once so that
	// registering many clients does not match every bean against every client.
	private final Set<Class<?>> definedTypes = new HashSet<>();

	/**
	 * Prepare to register clients: look once at the beans the registry defines.
	 * @param registry the registry
	 */
	LambdaClientBeanDefinitions(BeanDefinitionRegistry registry) {
		this.registry = registry;
		for (String name : registry.getBeanDefinitionNames()) {
			// Type matching cannot see client definitions while the factory bean they
			// refer to is not registered yet, so look for those first.
			if (registry.getBeanDefinition(name) instanceof RootBeanDefinition definition
					&& LambdaClientFactory.BEAN_NAME.equals(definition.getFactoryBeanName())) {
				Class<?> clientType = definition.getTargetType();
				if (clientType != null) {
					this.definedTypes.add(clientType);
				}
			}
		}
		if (registry instanceof ListableBeanFactory beanFactory) {
			// The beans a type match would find, without initializing any: those of a
			// factory bean whose product is unknown are its "&" names.
			for (String name : beanFactory.getBeanNamesForType(Object.class, true, false)) {
				Class<?> type = beanFactory.getType(name, false);
				if (type != null) {
					addWithSupertypes(type);
				}
			}
		}
	}

	private void addWithSupertypes(Class<?> type) {
		if (this.definedTypes.add(type)) {
			for (Class<?> superInterface : type.getInterfaces()) {
				addWithSupertypes(superInterface);
			}
			Class<?> superclass = type.getSuperclass();
			if (superclass != null) {
				addWithSupertypes(superclass);
			}
		}
	}

	/**
	 * Register a client interface, unless a bean of its type is already defined.
	 * <p>
	 * The bean is named like a component ({@code pricingFunctions}), or by the
	 * interface's fully qualified name when that name is taken. {@code @Primary},
	 * {@code @Lazy} and {@code @Qualifier} (or a qualifier annotation with a
	 * {@code value}) on the interface apply to the bean. A client that is not primary is
	 * a fallback bean, so a bean of the same type defined later still wins.
	 * @param clientType the client interface
	 * @return whether a bean definition was registered
	 */
	boolean register(Class<?> clientType) {
		if (!clientType.isInterface() || clientType.isAnnotation()) {
			throw new InvalidLambdaClientException(
					clientType.getName() + " cannot be a Lambda client: only interfaces can", clientType, null, null);
		}
		if (this.definedTypes.contains(clientType)) {
			return false;
		}
		this.registry.registerBeanDefinition(beanName(this.registry, clientType), definition(clientType));
		// Its bean can be injected as any interface the client extends.
		addWithSupertypes(clientType);
		return true;
	}

	private static RootBeanDefinition definition(Class<?> clientType) {
		RootBeanDefinition definition = new RootBeanDefinition(clientType);
		definition.setTargetType(clientType);
		definition.setFactoryBeanName(LambdaClientFactory.BEAN_NAME);
		definition.setResolvedFactoryMethod(CREATE_CLIENT);
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, clientType);
		MergedAnnotations annotations = MergedAnnotations.from(clientType);
		MergedAnnotation<Lazy> lazy = annotations.get(Lazy.class);
		if (lazy.isPresent()) {
			definition.setLazyInit(lazy.getBoolean("value"));
		}
		boolean primary = annotations.isPresent(Primary.class);
		definition.setPrimary(primary);
		definition.setFallback(!primary);
		annotations.stream()
			.filter((annotation) -> annotation.getDistance() == 0 && isQualifier(annotation.getType()))
			.forEach((annotation) -> definition.addQualifier(qualifier(annotation)));
		return definition;
	}

	private static boolean isQualifier(Class<? extends Annotation> type) {
		return type == Qualifier.class || MergedAnnotations.from(type).isPresent(Qualifier.class);
	}

	private static AutowireCandidateQualifier qualifier(MergedAnnotation<?> annotation) {
		Object value = annotation.getValue("value").orElse(null);
		return (value != null) ? new AutowireCandidateQualifier(annotation.getType(), value)
				: new AutowireCandidateQualifier(annotation.getType());
	}

	private static String beanName(BeanDefinitionRegistry registry, Class<?> clientType) {
		String name = StringUtils.uncapitalizeAsProperty(ClassUtils.getShortName(clientType));
		return registry.containsBeanDefinition(name) ? clientType.getName() : name;
	}

}

package io.github.lambdainvoker.client;

import java.lang.annotation.Annotation;

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
 * processing treat them like any other bean.
 */
final class LambdaClientBeanDefinitions {

	private LambdaClientBeanDefinitions() {
	}

	/**
	 * Register a client interface, unless a bean of its type is already defined.
	 * <p>
	 * The bean is named like a component ({@code pricingFunctions}), or by the
	 * interface's fully qualified name when that name is taken. {@code @Primary},
	 * {@code @Lazy} and {@code @Qualifier} (or a qualifier annotation with a
	 * {@code value}) on the interface apply to the bean. A client that is not primary is
	 * a fallback bean, so a bean of the same type defined later still wins.
	 * @param registry the registry
	 * @param clientType the client interface
	 * @return whether a bean definition was registered
	 */
	static boolean register(BeanDefinitionRegistry registry, Class<?> clientType) {
		if (!clientType.isInterface() || clientType.isAnnotation()) {
			throw new InvalidLambdaClientException(
					clientType.getName() + " cannot be a Lambda client: only interfaces can", clientType, null, null);
		}
		if (isDefined(registry, clientType)) {
			return false;
		}
		registry.registerBeanDefinition(beanName(registry, clientType), definition(clientType));
		return true;
	}

	private static RootBeanDefinition definition(Class<?> clientType) {
		RootBeanDefinition definition = new RootBeanDefinition(clientType);
		definition.setTargetType(clientType);
		definition.setFactoryBeanName(LambdaClientFactory.BEAN_NAME);
		definition.setFactoryMethodName("createClient");
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

	private static boolean isDefined(BeanDefinitionRegistry registry, Class<?> clientType) {
		// Type matching cannot see client definitions while the factory bean they refer
		// to
		// is not registered yet, so look for those first.
		for (String name : registry.getBeanDefinitionNames()) {
			if (registry.getBeanDefinition(name) instanceof RootBeanDefinition definition
					&& LambdaClientFactory.BEAN_NAME.equals(definition.getFactoryBeanName())
					&& clientType.equals(definition.getTargetType())) {
				return true;
			}
		}
		return (registry instanceof ListableBeanFactory beanFactory)
				&& beanFactory.getBeanNamesForType(clientType, true, false).length > 0;
	}

	private static String beanName(BeanDefinitionRegistry registry, Class<?> clientType) {
		String name = StringUtils.uncapitalizeAsProperty(ClassUtils.getShortName(clientType));
		return registry.containsBeanDefinition(name) ? clientType.getName() : name;
	}

}

package io.github.lambdainvoker.local.autoconfigure;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.lambdainvoker.local.LocalFunction;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Turns the {@code aws.lambda.local.functions.*} properties and the
 * {@link LocalLambdaFunction @LocalLambdaFunction} beans into the functions the emulator
 * serves.
 */
final class ConfiguredFunctions {

	private final LocalLambdaProperties properties;

	private final ConfigurableListableBeanFactory beanFactory;

	ConfiguredFunctions(LocalLambdaProperties properties, ConfigurableListableBeanFactory beanFactory) {
		this.properties = properties;
		this.beanFactory = beanFactory;
	}

	/**
	 * Return the functions to serve: annotated beans first, then functions whose handler
	 * class is configured.
	 * @return the functions
	 * @throws IllegalStateException if a function has no handler or two
	 */
	List<LocalFunction> functions() {
		Map<String, String> beanNames = annotatedBeanNames();
		List<LocalFunction> functions = new ArrayList<>();
		beanNames.forEach((name, beanName) -> functions.add(fromBean(name, beanName)));
		this.properties.getFunctions().forEach((name, settings) -> {
			if (!beanNames.containsKey(name)) {
				functions.add(build(name, handlerInstance(name, settings), null, settings));
			}
			else if (settings.getHandler() != null) {
				throw new IllegalStateException("Function '" + name + "' has two handlers: bean '" + beanNames.get(name)
						+ "' and aws.lambda.local.functions." + name + ".handler=" + settings.getHandler());
			}
		});
		return functions;
	}

	private Map<String, String> annotatedBeanNames() {
		Map<String, String> beanNames = new LinkedHashMap<>();
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(LocalLambdaFunction.class)) {
			LocalLambdaFunction annotation = this.beanFactory.findAnnotationOnBean(beanName, LocalLambdaFunction.class);
			if (annotation == null) {
				continue;
			}
			String previous = beanNames.putIfAbsent(annotation.value(), beanName);
			if (previous != null) {
				throw new IllegalStateException("Function '" + annotation.value() + "' has two handler beans: '"
						+ previous + "' and '" + beanName + "'");
			}
		}
		return beanNames;
	}

	private LocalFunction fromBean(String name, String beanName) {
		ResolvableType beanType = beanType(beanName);
		LocalLambdaProperties.Function settings = this.properties.getFunctions()
			.getOrDefault(name, new LocalLambdaProperties.Function());
		if (RequestStreamHandler.class.isAssignableFrom(beanType.toClass())) {
			return build(name, new BeanStreamHandler(this.beanFactory, beanName), null, settings);
		}
		if (RequestHandler.class.isAssignableFrom(beanType.toClass())) {
			return build(name, new BeanRequestHandler(this.beanFactory, beanName), inputType(beanType), settings);
		}
		throw new IllegalStateException("Bean '" + beanName + "' annotated with @LocalLambdaFunction(\"" + name
				+ "\") is neither a RequestHandler nor a RequestStreamHandler");
	}

	private ResolvableType beanType(String beanName) {
		if (this.beanFactory.containsBeanDefinition(beanName)) {
			ResolvableType type = this.beanFactory.getMergedBeanDefinition(beanName).getResolvableType();
			if (type.resolve() != null) {
				return type;
			}
		}
		return ResolvableType.forClass(this.beanFactory.getType(beanName));
	}

	private static Type inputType(ResolvableType handlerType) {
		ResolvableType input = handlerType.as(RequestHandler.class).getGeneric(0);
		Type type = input.getType();
		return (type instanceof Class<?> || type instanceof ParameterizedType) ? type : input.toClass();
	}

	private Object handlerInstance(String name, LocalLambdaProperties.Function settings) {
		String className = settings.getHandler();
		if (className == null) {
			throw new IllegalStateException("Function '" + name + "' has no handler: set aws.lambda.local.functions."
					+ name + ".handler or annotate a handler bean with @LocalLambdaFunction(\"" + name + "\")");
		}
		try {
			return BeanUtils.instantiateClass(ClassUtils.forName(className, this.beanFactory.getBeanClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Handler class " + className + " of function '" + name + "' not found", ex);
		}
	}

	private static LocalFunction build(String name, Object handler, @Nullable Type inputType,
			LocalLambdaProperties.Function settings) {
		LocalFunction.Builder builder = LocalFunction.builder(name, handler)
			.timeout(settings.getTimeout())
			.memorySize(Math.toIntExact(settings.getMemorySize().toMegabytes()))
			.reservedConcurrency(settings.getReservedConcurrency());
		if (inputType != null) {
			builder.inputType(inputType);
		}
		settings.getVersions().forEach(builder::version);
		settings.getAliases().forEach(builder::alias);
		return builder.build();
	}

}

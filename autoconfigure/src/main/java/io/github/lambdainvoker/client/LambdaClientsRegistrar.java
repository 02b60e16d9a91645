package io.github.lambdainvoker.client;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the clients that {@link EnableLambdaClients @EnableLambdaClients} names or
 * whose packages it names; with neither, those in the annotated class's package.
 */
class LambdaClientsRegistrar extends AbstractLambdaClientsRegistrar {

	@Override
	protected Collection<String> basePackages(AnnotationMetadata importingClass) {
		MergedAnnotation<EnableLambdaClients> annotation = annotation(importingClass);
		Set<String> basePackages = new LinkedHashSet<>(Arrays.asList(annotation.getStringArray("basePackages")));
		for (Class<?> basePackageClass : annotation.getClassArray("basePackageClasses")) {
			basePackages.add(ClassUtils.getPackageName(basePackageClass));
		}
		if (basePackages.isEmpty() && annotation.getClassArray("clients").length == 0) {
			basePackages.add(ClassUtils.getPackageName(importingClass.getClassName()));
		}
		return basePackages;
	}

	@Override
	protected Collection<Class<?>> clients(AnnotationMetadata importingClass) {
		return List.of(annotation(importingClass).getClassArray("clients"));
	}

	private static MergedAnnotation<EnableLambdaClients> annotation(AnnotationMetadata importingClass) {
		return importingClass.getAnnotations().get(EnableLambdaClients.class);
	}

}

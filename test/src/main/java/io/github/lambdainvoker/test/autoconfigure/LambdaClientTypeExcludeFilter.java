package io.github.lambdainvoker.test.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.util.ClassUtils;

/**
 * {@link TypeExcludeFilter} of a {@link LambdaClientTest @LambdaClientTest}: component
 * scanning keeps the given components and the application's Jackson components and
 * modules, and leaves out everything else.
 */
class LambdaClientTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<LambdaClientTest> {

	private static final String[] JACKSON_INCLUDES = { "tools.jackson.databind.JacksonModule",
			"org.springframework.boot.jackson.JacksonComponent" };

	private static final Set<Class<?>> KNOWN_INCLUDES = knownIncludes();

	private final Set<Class<?>> components;

	LambdaClientTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		Class<?>[] components = getAnnotation().getValue("components", Class[].class).orElse(new Class<?>[0]);
		this.components = new LinkedHashSet<>(Arrays.asList(components));
	}

	private static Set<Class<?>> knownIncludes() {
		ClassLoader classLoader = LambdaClientTypeExcludeFilter.class.getClassLoader();
		Set<Class<?>> includes = new LinkedHashSet<>();
		for (String name : JACKSON_INCLUDES) {
			if (ClassUtils.isPresent(name, classLoader)) {
				includes.add(ClassUtils.resolveClassName(name, classLoader));
			}
		}
		return Set.copyOf(includes);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return KNOWN_INCLUDES;
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return this.components;
	}

}

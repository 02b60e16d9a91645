package io.github.lambdainvoker.test.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each test class with a mock Lambda server an application context of its own. The
 * server records every call it receives and is reset after each test method: two test
 * classes sharing a cached context, and so a server, would see each other's calls and
 * lose each other's expectations when run in parallel.
 */
class MockLambdaServerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return hasOwnServer(testClass) ? new OwnServerContextCustomizer(testClass) : null;
	}

	/**
	 * Whether a test class gets an auto-configured mock server, and so a context of its
	 * own.
	 * @param testClass the test class
	 * @return whether {@code @AutoConfigureMockLambdaServer} is enabled for it
	 */
	static boolean hasOwnServer(Class<?> testClass) {
		AutoConfigureMockLambdaServer annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureMockLambdaServer.class);
		return annotation != null && annotation.enabled();
	}

	/**
	 * Changes nothing in the context, but makes its cache key differ from that of any
	 * other test class.
	 */
	private record OwnServerContextCustomizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		}

	}

}

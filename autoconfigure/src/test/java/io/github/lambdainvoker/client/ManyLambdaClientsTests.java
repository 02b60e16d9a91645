package io.github.lambdainvoker.client;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for an application with many {@link LambdaClient @LambdaClient} interfaces: 100
 * interfaces defined at run time, registered in one batch.
 */
class ManyLambdaClientsTests {

	private static final int CLIENTS = 100;

	private final GeneratedClients classLoader = new GeneratedClients(
			new FilteredClassLoader(NettyNioAsyncHttpClient.class));

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
		.withClassLoader(this.classLoader)
		.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=http://localhost:9")
		.withBean(AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")));

	@Test
	void everyClientOfABatchBecomesABeanMadeByTheClientFactory() {
		this.contextRunner.withUserConfiguration(GeneratedClientsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			for (int i = 0; i < CLIENTS; i++) {
				Class<?> clientType = load(i);
				assertThat(context.getBeanNamesForType(clientType)).containsExactly("client" + i);
				assertThat(Proxy.isProxyClass(context.getBean(clientType).getClass())).isTrue();
			}
		});
	}

	@Test
	void userBeanOfOneClientTypeWinsAndTheOtherClientsAreRegistered() {
		Class<Object> taken = load(42);
		Object userBean = Proxy.newProxyInstance(this.classLoader, new Class<?>[] { taken },
				(proxy, method, arguments) -> "user");
		this.contextRunner.withBean("userClient", taken, () -> userBean)
			.withUserConfiguration(GeneratedClientsConfiguration.class)
			.run((context) -> {
				assertThat(context.getBeanNamesForType(taken)).containsExactly("userClient");
				assertThat(context.getBean(taken)).isSameAs(userBean);
				assertThat(context.getBeanFactory().getBeanDefinitionNames())
					.filteredOn((name) -> context.getBeanFactory()
						.getBeanDefinition(name) instanceof RootBeanDefinition definition
							&& LambdaClientFactory.BEAN_NAME.equals(definition.getFactoryBeanName()))
					.hasSize(CLIENTS - 1)
					.doesNotContain("client42");
			});
	}

	@SuppressWarnings("unchecked")
	private Class<Object> load(int index) {
		return (Class<Object>) ClassUtils.resolveClassName(GeneratedClients.name(index), this.classLoader);
	}

	@Configuration(proxyBeanMethods = false)
	@Import(GeneratedClientsRegistrar.class)
	static class GeneratedClientsConfiguration {

	}

	static class GeneratedClientsRegistrar extends AbstractLambdaClientsRegistrar implements BeanClassLoaderAware {

		private @Nullable ClassLoader classLoader;

		@Override
		public void setBeanClassLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
		}

		@Override
		protected Collection<String> basePackages(AnnotationMetadata importingClass) {
			return List.of();
		}

		@Override
		protected Collection<Class<?>> clients(AnnotationMetadata importingClass) {
			return IntStream.range(0, CLIENTS)
				.<Class<?>>mapToObj((i) -> ClassUtils.resolveClassName(GeneratedClients.name(i), this.classLoader))
				.toList();
		}

	}

}

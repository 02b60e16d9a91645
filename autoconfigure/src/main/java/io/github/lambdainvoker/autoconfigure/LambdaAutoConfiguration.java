package io.github.lambdainvoker.autoconfigure;

import java.util.concurrent.Executor;

import io.github.lambdainvoker.invoke.Bulkhead;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.RetryExecutor;
import io.github.lambdainvoker.invoke.SemaphoreBulkhead;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.PayloadCodec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration for invoking AWS Lambda: the SDK's {@link LambdaClient}, its
 * {@link LambdaAsyncClient} when the Netty HTTP client is present, and the
 * {@link LambdaInvoker}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(LambdaClient.class)
@EnableConfigurationProperties(LambdaProperties.class)
public final class LambdaAutoConfiguration {

	private static final boolean APACHE5_PRESENT = ClassUtils.isPresent(LambdaRuntimeHints.APACHE5_HTTP_CLIENT,
			LambdaAutoConfiguration.class.getClassLoader());

	@Bean
	@ConditionalOnMissingBean
	LambdaClient lambdaClient(LambdaProperties properties, ObjectProvider<AwsCredentialsProvider> credentialsProvider,
			ObjectProvider<LambdaClientCustomizer> customizers) {
		new LambdaPropertiesValidator().validate(properties);
		LambdaClientBuilder builder = LambdaClient.builder();
		if (APACHE5_PRESENT) {
			builder.httpClientBuilder(LambdaHttpClients.apache5(properties));
		}
		return LambdaSdkClientFactory
			.build(configurer(properties, credentialsProvider, customizers).configure(builder));
	}

	@Bean
	@ConditionalOnMissingBean
	PayloadCodec lambdaPayloadCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new PayloadCodec(jsonMapper.getIfUnique(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRegistry lambdaFunctionRegistry(LambdaProperties properties) {
		new LambdaPropertiesValidator().validate(properties);
		return new PropertiesFunctionRegistry(properties);
	}

	@Bean
	@ConditionalOnMissingBean(LambdaInvoker.class)
	DefaultLambdaInvoker lambdaInvoker(LambdaClient lambdaClient, ObjectProvider<LambdaAsyncClient> asyncClient,
			PayloadCodec payloadCodec, FunctionRegistry functionRegistry, RetryExecutor retryExecutor,
			ObjectProvider<InvocationObserver> observer, Bulkhead bulkhead,
			ObjectProvider<ClientContextContributor> clientContextContributor,
			@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME) ObjectProvider<Executor> applicationTaskExecutor) {
		Executor executor = applicationTaskExecutor
			.getIfAvailable(() -> new SimpleAsyncTaskExecutor("lambda-invoker-"));
		return new DefaultLambdaInvoker(lambdaClient, asyncClient.getIfUnique(), payloadCodec, functionRegistry,
				retryExecutor, executor, observer.getIfUnique(() -> InvocationObserver.NONE), bulkhead,
				clientContextContributor.getIfUnique(() -> ClientContextContributor.NONE));
	}

	@Bean
	@ConditionalOnMissingBean
	Bulkhead lambdaBulkhead(LambdaProperties properties) {
		BulkheadPoolCheck.warnIfPoolTooSmall(properties);
		return new SemaphoreBulkhead();
	}

	@Bean
	@ConditionalOnMissingBean
	RetryExecutor lambdaRetryExecutor(ObjectProvider<InvocationRetryListener> listeners) {
		return new SpringRetryExecutor(listeners.orderedStream().toList());
	}

	static LambdaClientBuilderConfigurer configurer(LambdaProperties properties,
			ObjectProvider<AwsCredentialsProvider> credentialsProvider,
			ObjectProvider<LambdaClientCustomizer> customizers) {
		return new LambdaClientBuilderConfigurer(properties, credentialsProvider.getIfUnique(),
				customizers.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(NettyNioAsyncHttpClient.class)
	static class AsyncClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		LambdaAsyncClient lambdaAsyncClient(LambdaProperties properties,
				ObjectProvider<AwsCredentialsProvider> credentialsProvider,
				ObjectProvider<LambdaClientCustomizer> customizers) {
			LambdaAsyncClientBuilder builder = LambdaAsyncClient.builder()
				.httpClientBuilder(LambdaHttpClients.netty(properties));
			return LambdaSdkClientFactory
				.build(configurer(properties, credentialsProvider, customizers).configure(builder));
		}

	}

}

package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.Bulkhead;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.RetryExecutor;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for invoking AWS Lambda: the SDK's {@link LambdaClient}, the routing
 * of each function to the clients of its region, endpoint and credentials, and the
 * {@link LambdaInvoker}. Asynchronous clients ({@code LambdaAsyncClient}) are built on
 * the first asynchronous or streaming call, unless the application defines one.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
		"io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration" })
@ConditionalOnClass(LambdaClient.class)
@EnableConfigurationProperties(LambdaProperties.class)
@Import(LambdaRoutingConfiguration.class)
public final class LambdaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LambdaClient lambdaClient(LambdaSdkClients lambdaSdkClients) {
		return lambdaSdkClients.defaultClient();
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRegistry lambdaFunctionRegistry(LambdaProperties properties, LambdaRoutes lambdaRoutes) {
		new LambdaPropertiesValidator().validate(properties);
		return new PropertiesFunctionRegistry(properties, lambdaRoutes);
	}

	@Bean
	@ConditionalOnMissingBean(LambdaInvoker.class)
	DefaultLambdaInvoker lambdaInvoker(LambdaProperties properties, LambdaRoutes lambdaRoutes,
			AsyncWorkExecutor lambdaAsyncWorkExecutor, ObjectProvider<JsonMapper> jsonMapper,
			FunctionRegistry functionRegistry, RetryExecutor retryExecutor, ObjectProvider<InvocationObserver> observer,
			ObjectProvider<Bulkhead> bulkhead, ObjectProvider<ClientContextContributor> clientContextContributor) {
		BulkheadPoolCheck.warnIfPoolTooSmall(properties);
		DefaultLambdaInvoker.Builder builder = DefaultLambdaInvoker.builder(lambdaRoutes.defaultRoute())
			.asyncExecutor(lambdaAsyncWorkExecutor.executor())
			.jsonMapper(jsonMapper.getIfUnique(JsonMapper::shared))
			.functionRegistry(functionRegistry)
			.retryExecutor(retryExecutor);
		observer.ifUnique(builder::observer);
		bulkhead.ifUnique(builder::bulkhead);
		clientContextContributor.ifUnique(builder::clientContextContributor);
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	RetryExecutor lambdaRetryExecutor(ObjectProvider<InvocationRetryListener> listeners) {
		return new SpringRetryExecutor(listeners.orderedStream().toList());
	}

}

package io.github.lambdainvoker.autoconfigure;

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
	PayloadCodec lambdaPayloadCodec(ObjectProvider<JsonMapper> jsonMapper) {
		return new PayloadCodec(jsonMapper.getIfUnique(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	FunctionRegistry lambdaFunctionRegistry(LambdaProperties properties, LambdaRoutes lambdaRoutes) {
		new LambdaPropertiesValidator().validate(properties);
		return new PropertiesFunctionRegistry(properties, lambdaRoutes);
	}

	@Bean
	@ConditionalOnMissingBean(LambdaInvoker.class)
	DefaultLambdaInvoker lambdaInvoker(LambdaRoutes lambdaRoutes, AsyncWorkExecutor lambdaAsyncWorkExecutor,
			PayloadCodec payloadCodec, FunctionRegistry functionRegistry, RetryExecutor retryExecutor,
			ObjectProvider<InvocationObserver> observer, Bulkhead bulkhead,
			ObjectProvider<ClientContextContributor> clientContextContributor) {
		return new DefaultLambdaInvoker(lambdaRoutes.defaultRoute(), payloadCodec, functionRegistry, retryExecutor,
				lambdaAsyncWorkExecutor.executor(), observer.getIfUnique(() -> InvocationObserver.NONE), bulkhead,
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

}

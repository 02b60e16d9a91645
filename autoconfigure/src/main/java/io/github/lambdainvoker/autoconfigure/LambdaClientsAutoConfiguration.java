package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.client.EnableLambdaClients;
import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaClientFactory;
import io.github.lambdainvoker.invoke.LambdaInvoker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for {@link LambdaClient @LambdaClient} interfaces: the
 * {@link LambdaClientFactory} and, unless the application uses
 * {@link EnableLambdaClients @EnableLambdaClients}, the registration of the client
 * interfaces in the application's packages.
 */
@AutoConfiguration(after = LambdaAutoConfiguration.class)
@ConditionalOnClass(name = "software.amazon.awssdk.services.lambda.LambdaClient")
public final class LambdaClientsAutoConfiguration {

	@Bean(LambdaClientFactory.BEAN_NAME)
	LambdaClientFactory lambdaClientFactory(ObjectProvider<LambdaInvoker> invoker) {
		return new LambdaClientFactory(invoker::getObject);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(annotation = EnableLambdaClients.class)
	@Import(AutoConfiguredLambdaClientsRegistrar.class)
	static class AutoConfiguredLambdaClientsConfiguration {

	}

}

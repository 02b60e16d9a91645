package io.github.lambdainvoker.local.autoconfigure;

import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.local.LocalLambda;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the local Lambda emulator: when {@code aws.lambda.local.enabled}
 * is {@code true}, starts a {@link LocalLambda} serving the configured and
 * {@link LocalLambdaFunction @LocalLambdaFunction} handlers, and points the starter's
 * Lambda clients at it.
 */
@AutoConfiguration(beforeName = "io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "aws.lambda.local.enabled")
@EnableConfigurationProperties(LocalLambdaProperties.class)
public final class LocalLambdaAutoConfiguration {

	private static final String REGION_PROPERTY = "aws.lambda.region";

	@Bean(destroyMethod = "stop")
	@ConditionalOnMissingBean
	LocalLambda localLambda(LocalLambdaProperties properties, Environment environment,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<LocalLambdaBuilderCustomizer> customizers) {
		String region = (properties.getRegion() != null) ? properties.getRegion()
				: environment.getProperty(REGION_PROPERTY, LocalLambda.DEFAULT_REGION);
		LocalLambda.Builder builder = LocalLambda.builder()
			.port(properties.getPort())
			.region(region)
			.accountId(properties.getAccountId());
		new ConfiguredFunctions(properties, beanFactory).functions().forEach(builder::function);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.start();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LambdaClientCustomizer.class)
	static class ClientConfiguration {

		@Bean
		LocalLambdaClientCustomizer localLambdaClientCustomizer(LocalLambda localLambda, Environment environment) {
			return new LocalLambdaClientCustomizer(localLambda, environment.containsProperty(REGION_PROPERTY));
		}

	}

}

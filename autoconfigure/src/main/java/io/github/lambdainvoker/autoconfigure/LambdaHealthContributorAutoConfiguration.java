package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import io.github.lambdainvoker.health.LambdaHealthContributor;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code lambda} health contributor: one entry per function
 * configured under {@code aws.lambda.functions}.
 */
@AutoConfiguration(after = LambdaAutoConfiguration.class)
@ConditionalOnClass({ LambdaClient.class, HealthContributor.class, ConditionalOnEnabledHealthIndicator.class })
@EnableConfigurationProperties({ LambdaProperties.class, LambdaHealthProperties.class })
public final class LambdaHealthContributorAutoConfiguration {

	// Nested so that the condition below is only read when Spring Boot's health support
	// is present: its condition class would be missing otherwise.
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ LambdaClient.class, FunctionRegistry.class, AsyncWorkExecutor.class })
	@ConditionalOnEnabledHealthIndicator("lambda")
	static class LambdaHealthContributorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "lambdaHealthContributor")
		LambdaHealthContributor lambdaHealthContributor(LambdaClient lambdaClient, FunctionRegistry functionRegistry,
				LambdaProperties properties, LambdaHealthProperties healthProperties,
				AsyncWorkExecutor lambdaAsyncWorkExecutor) {
			Map<String, ResolvedFunction> functions = new LinkedHashMap<>();
			for (String key : properties.getFunctions().keySet()) {
				functions.put(key, functionRegistry.resolve(key));
			}
			Duration timeout = healthProperties.getTimeout();
			if (timeout.isNegative() || timeout.isZero()) {
				throw new InvalidLambdaPropertyException("aws.lambda.health.timeout", timeout,
						"the duration must be positive", "Set it to a short positive duration such as 2s.");
			}
			if (healthProperties.getCacheTtl().isNegative()) {
				throw new InvalidLambdaPropertyException("aws.lambda.health.cache-ttl", healthProperties.getCacheTtl(),
						"the duration must not be negative", "Set it to 0s to check on every request, or more.");
			}
			Executor executor = lambdaAsyncWorkExecutor.executor();
			Duration cacheTtl = healthProperties.getCacheTtl();
			return switch (healthProperties.getMode()) {
				case DRY_RUN -> LambdaHealthContributor.dryRun(lambdaClient, functions, executor, cacheTtl, timeout);
				case CONFIGURATION ->
					LambdaHealthContributor.functionConfiguration(lambdaClient, functions, executor, cacheTtl, timeout);
			};
		}

	}

}

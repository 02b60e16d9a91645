package io.github.lambdainvoker.autoconfigure;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The routing of calls to SDK clients, imported by {@link LambdaAutoConfiguration}: the
 * builder of the starter's clients, the routes of the functions, and the executor of the
 * work the starter runs on threads of its own.
 */
@Configuration(proxyBeanMethods = false)
class LambdaRoutingConfiguration {

	@Bean
	LambdaSdkClients lambdaSdkClients(LambdaProperties properties,
			ObjectProvider<AwsCredentialsProvider> credentialsProvider,
			ObjectProvider<AwsRegionProvider> regionProvider, ObjectProvider<LambdaClientCustomizer> customizers,
			ResourceLoader resourceLoader) {
		new LambdaPropertiesValidator().validate(properties);
		ClassLoader classLoader = resourceLoader.getClassLoader();
		if (classLoader == null) {
			classLoader = LambdaRoutingConfiguration.class.getClassLoader();
		}
		RoutePlanner planner = new RoutePlanner(properties, () -> applicationRegion(regionProvider.getIfUnique()),
				classLoader, ProfileFile::defaultProfileFile);
		return new LambdaSdkClients(properties, planner, credentialsProvider.getIfUnique(),
				customizers.orderedStream().toList(), classLoader);
	}

	@Bean
	LambdaRoutes lambdaRoutes(LambdaSdkClients lambdaSdkClients, LambdaProperties properties, LambdaClient lambdaClient,
			ObjectProvider<LambdaAsyncClient> lambdaAsyncClient) {
		return new LambdaRoutes(lambdaSdkClients, properties, lambdaClient, lambdaAsyncClient.getIfUnique());
	}

	@Bean
	AsyncWorkExecutor lambdaAsyncWorkExecutor(
			@Qualifier(AsyncWorkExecutor.APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationTaskExecutor,
			Environment environment) {
		return new AsyncWorkExecutor(applicationTaskExecutor.getIfAvailable(), Threading.VIRTUAL.isActive(environment));
	}

	private static @Nullable String applicationRegion(@Nullable AwsRegionProvider regionProvider) {
		if (regionProvider == null) {
			return null;
		}
		try {
			Region region = regionProvider.getRegion();
			return (region != null) ? region.id() : null;
		}
		catch (SdkClientException ex) {
			// No region there: the SDK's own chain decides, or reports that none is set.
			return null;
		}
	}

}

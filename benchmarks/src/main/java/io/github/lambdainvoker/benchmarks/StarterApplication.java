package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import io.github.lambdainvoker.client.EnableLambdaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the application contexts of the benchmarks: the starter's auto-configurations
 * and the {@link OrderFunctions} client, as an application would have them.
 */
public final class StarterApplication {

	private StarterApplication() {
	}

	/**
	 * Start a context.
	 * @param endpoint the Lambda endpoint
	 * @param httpClient the HTTP client to use instead of the auto-configured one, or
	 * {@code null}
	 * @param retry whether the functions retry (the starter's default)
	 * @param metrics whether a meter registry and an observation registry are present
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(URI endpoint, @Nullable SdkHttpClient httpClient, boolean retry,
			boolean metrics) {
		SpringApplication application = new SpringApplication(ClientsConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("aws.lambda.region", "us-east-1");
		properties.put("aws.lambda.endpoint", endpoint.toString());
		properties.put("aws.lambda.defaults.retry.enabled", Boolean.toString(retry));
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> {
			GenericApplicationContext registry = (GenericApplicationContext) context;
			registry.registerBean(AwsCredentialsProvider.class, () -> SdkClients.CREDENTIALS);
			if (httpClient != null) {
				registry.registerBean(LambdaClientCustomizer.class, () -> (builder) -> {
					if (builder instanceof LambdaClientBuilder sync) {
						sync.httpClientBuilder(null).httpClient(httpClient);
					}
				});
			}
			if (metrics) {
				SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
				ObservationRegistry observationRegistry = ObservationRegistry.create();
				observationRegistry.observationConfig()
					.observationHandler(new DefaultMeterObservationHandler(meterRegistry));
				registry.registerBean(MeterRegistry.class, () -> meterRegistry);
				registry.registerBean(ObservationRegistry.class, () -> observationRegistry);
			}
		});
		return application.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(clients = OrderFunctions.class)
	static class ClientsConfiguration {

	}

}

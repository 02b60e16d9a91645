package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaMetricsAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaObservationAutoConfiguration;
import io.github.lambdainvoker.client.EnableLambdaClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Starts the application contexts of the benchmarks: the starter's auto-configurations
 * and the {@link OrderFunctions} client, as an application would have them.
 * <p>
 * The endpoint and region are set by a {@link LambdaClientCustomizer}, not by properties,
 * so that a context started without properties runs the starter's defaults exactly.
 */
public final class StarterApplication {

	private StarterApplication() {
	}

	/**
	 * Start a context.
	 * @param endpoint the Lambda endpoint
	 * @param httpClient the HTTP client to use instead of the auto-configured one, or
	 * {@code null}
	 * @param properties the application's properties, none for the starter's defaults
	 * @param observed whether Boot's observation and metrics auto-configurations run,
	 * with a {@code SimpleMeterRegistry}
	 * @param customizers SDK client customizers applied after the endpoint and region
	 * @return the running context
	 */
	public static ConfigurableApplicationContext start(URI endpoint, @Nullable SdkHttpClient httpClient,
			Map<String, Object> properties, boolean observed, List<LambdaClientCustomizer> customizers) {
		SpringApplication application = new SpringApplication(
				observed ? ObservedConfiguration.class : PlainConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(properties);
		application.addInitializers((context) -> {
			GenericApplicationContext registry = (GenericApplicationContext) context;
			registry.registerBean(AwsCredentialsProvider.class, () -> SdkClients.CREDENTIALS);
			registry.registerBean("benchmarkEndpoint", LambdaClientCustomizer.class,
					() -> (builder) -> connect(builder, endpoint, httpClient));
			for (int i = 0; i < customizers.size(); i++) {
				LambdaClientCustomizer customizer = customizers.get(i);
				registry.registerBean("benchmarkCustomizer" + i, LambdaClientCustomizer.class, () -> customizer);
			}
		});
		return application.run();
	}

	private static void connect(software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder<?, ?> builder,
			URI endpoint, @Nullable SdkHttpClient httpClient) {
		builder.region(Region.US_EAST_1).endpointOverride(endpoint);
		if (httpClient != null && builder instanceof LambdaClientBuilder sync) {
			sync.httpClientBuilder(null).httpClient(httpClient);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class })
	@EnableLambdaClients(clients = OrderFunctions.class)
	static class PlainConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, LambdaAutoConfiguration.class,
			LambdaClientsAutoConfiguration.class, LambdaObservationAutoConfiguration.class,
			LambdaMetricsAutoConfiguration.class })
	@EnableLambdaClients(clients = OrderFunctions.class)
	static class ObservedConfiguration {

	}

}

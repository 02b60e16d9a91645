package io.github.lambdainvoker.local.autoconfigure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.local.LocalLambda;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalLambdaAutoConfiguration} together with the starter's
 * {@link LambdaAutoConfiguration}: the auto-configured SDK client reaches the emulator.
 */
class LocalLambdaStarterIntegrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocalLambdaAutoConfiguration.class, LambdaAutoConfiguration.class))
		// The synchronous client is enough here: without Netty the async client backs off
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withUserConfiguration(PricingConfiguration.class);

	@Test
	void autoConfiguredLambdaClientInvokesLocalFunctions() {
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true").run((context) -> {
			InvokeResponse response = context.getBean(LambdaClient.class)
				.invoke((request) -> request.functionName("pricing").payload(SdkBytes.fromUtf8String("3")));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.payload().asUtf8String()).isEqualTo("750");
			assertThat(context.getBean(LambdaClient.class).serviceClientConfiguration().endpointOverride())
				.hasValue(context.getBean(LocalLambda.class).endpoint());
		});
	}

	@Test
	void autoConfiguredLambdaClientIsNotRedirectedWhenNotEnabled() {
		this.contextRunner.withPropertyValues("aws.lambda.region=us-east-1").run((context) -> {
			assertThat(context).doesNotHaveBean(LocalLambda.class);
			assertThat(context.getBean(LambdaClient.class).serviceClientConfiguration().endpointOverride()).isEmpty();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class PricingConfiguration {

		@Bean
		@LocalLambdaFunction("pricing")
		RequestHandler<Integer, Integer> pricingHandler() {
			return (Integer quantity, Context context) -> 250 * quantity;
		}

	}

}

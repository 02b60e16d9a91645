package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LambdaAutoConfiguration}.
 */
class LambdaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class))
		.withPropertyValues("aws.lambda.region=eu-west-1")
		.withUserConfiguration(TestCredentialsConfiguration.class);

	@Test
	void createsClientInvokerAndRegistryButNoAsyncClientBean() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LambdaClient.class);
			assertThat(context).doesNotHaveBean(LambdaAsyncClient.class);
			assertThat(context).hasSingleBean(LambdaInvoker.class);
			assertThat(context).hasSingleBean(FunctionRegistry.class);
			assertThat(defaultRoute(context).hasAsyncClient()).isFalse();
		});
	}

	@Test
	void bindsRegionAndEndpointToBothClients() {
		this.contextRunner.withPropertyValues("aws.lambda.endpoint=http://localhost:9001").run((context) -> {
			LambdaClient client = context.getBean(LambdaClient.class);
			assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
			assertThat(client.serviceClientConfiguration().endpointOverride())
				.contains(URI.create("http://localhost:9001"));
			LambdaAsyncClient asyncClient = defaultRoute(context).asyncClient();
			assertThat(asyncClient.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
			assertThat(asyncClient.serviceClientConfiguration().endpointOverride())
				.contains(URI.create("http://localhost:9001"));
		});
	}

	@Test
	void bindsHttpProperties() {
		this.contextRunner
			.withPropertyValues("aws.lambda.http.connect-timeout=1s", "aws.lambda.http.read-timeout=2m",
					"aws.lambda.http.max-connections=7", "aws.lambda.http.tcp-keep-alive=false")
			.run((context) -> {
				LambdaProperties.Http http = context.getBean(LambdaProperties.class).getHttp();
				assertThat(http.getConnectTimeout()).hasSeconds(1);
				assertThat(http.getReadTimeout()).hasMinutes(2);
				assertThat(http.getMaxConnections()).isEqualTo(7);
				assertThat(http.isTcpKeepAlive()).isFalse();
			});
	}

	@Test
	void setsSdkRetryStrategyToASingleAttempt() {
		this.contextRunner.run((context) -> {
			RetryStrategy strategy = context.getBean(LambdaClient.class)
				.serviceClientConfiguration()
				.overrideConfiguration()
				.retryStrategy()
				.orElseThrow();
			assertThat(strategy.maxAttempts()).isEqualTo(1);
			RetryStrategy asyncStrategy = defaultRoute(context).asyncClient()
				.serviceClientConfiguration()
				.overrideConfiguration()
				.retryStrategy()
				.orElseThrow();
			assertThat(asyncStrategy.maxAttempts()).isEqualTo(1);
		});
	}

	@Test
	void usesUserCredentialsProvider() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(LambdaClient.class).serviceClientConfiguration().credentialsProvider())
			.isSameAs(context.getBean(AwsCredentialsProvider.class)));
	}

	@Test
	void appliesCustomizersInOrderToBothBuilders() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class).run((context) -> {
			assertThat(context.getBean(LambdaClient.class).serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTH_1);
			assertThat(CustomizerConfiguration.calls).containsExactly("first", "second");
			assertThat(defaultRoute(context).asyncClient().serviceClientConfiguration().region())
				.isEqualTo(Region.AP_SOUTH_1);
			assertThat(CustomizerConfiguration.calls).containsExactly("first", "second", "first", "second");
		});
	}

	@Test
	void usesApplicationJsonMapper() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> assertThat(jsonMapperOf(context.getBean(LambdaInvoker.class)))
				.isSameAs(context.getBean(JsonMapper.class)));
	}

	@Test
	void fallsBackToDefaultJsonMapperWithoutJacksonAutoConfiguration() {
		this.contextRunner.run((context) -> assertThat(jsonMapperOf(context.getBean(LambdaInvoker.class)))
			.isSameAs(JsonMapper.shared()));
	}

	@Test
	void backsOffWhenUserDefinesClients() {
		this.contextRunner.withUserConfiguration(UserClientsConfiguration.class).run((context) -> {
			assertThat(context).getBean(LambdaClient.class).isSameAs(context.getBean("userLambdaClient"));
			assertThat(context).getBean(LambdaAsyncClient.class).isSameAs(context.getBean("userLambdaAsyncClient"));
			assertThat(defaultRoute(context).client()).isSameAs(context.getBean("userLambdaClient"));
			assertThat(defaultRoute(context).asyncClient()).isSameAs(context.getBean("userLambdaAsyncClient"));
		});
	}

	@Test
	void backsOffWhenUserDefinesInvoker() {
		this.contextRunner.withUserConfiguration(UserInvokerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(LambdaInvoker.class);
			assertThat(context).doesNotHaveBean(DefaultLambdaInvoker.class);
		});
	}

	@Test
	void withoutNettyHasNoAsyncClientAndInvokerStillWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(LambdaAsyncClient.class);
			assertThat(context).hasSingleBean(LambdaInvoker.class);
			assertThat(defaultRoute(context).asyncClient()).isNull();
		});
	}

	@Test
	void withoutSdkBacksOffEntirely() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(LambdaClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaInvoker.class));
	}

	private static ClientRoute defaultRoute(AssertableApplicationContext context) {
		return (ClientRoute) context.getBean(LambdaRoutes.class).defaultRoute();
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		static final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		LambdaClientCustomizer second() {
			return (builder) -> {
				calls.add("second");
				builder.region(Region.AP_SOUTH_1);
			};
		}

		@Bean
		@Order(1)
		LambdaClientCustomizer first() {
			return (builder) -> {
				calls.add("first");
				builder.region(Region.US_WEST_2);
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientsConfiguration {

		@Bean
		LambdaClient userLambdaClient() {
			return mock(LambdaClient.class);
		}

		@Bean
		LambdaAsyncClient userLambdaAsyncClient() {
			return mock(LambdaAsyncClient.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserInvokerConfiguration {

		@Bean
		LambdaInvoker userInvoker() {
			return mock(LambdaInvoker.class);
		}

	}

	private static Object jsonMapperOf(LambdaInvoker invoker) {
		Object payloadCodec = ReflectionTestUtils.getField(invoker, "payloadCodec");
		assertThat(payloadCodec).isNotNull();
		return ReflectionTestUtils.getField(payloadCodec, "jsonMapper");
	}

}

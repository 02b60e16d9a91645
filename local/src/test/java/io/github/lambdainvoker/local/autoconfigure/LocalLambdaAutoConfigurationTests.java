package io.github.lambdainvoker.local.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.local.LocalFunction;
import io.github.lambdainvoker.local.LocalLambda;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LocalLambdaAutoConfiguration}.
 */
class LocalLambdaAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocalLambdaAutoConfiguration.class));

	@Test
	void autoConfigurationIsRegistered() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
			.contains(LocalLambdaAutoConfiguration.class.getName());
	}

	@Test
	void backsOffWhenNotEnabled() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(LocalLambda.class)
			.doesNotHaveBean(LambdaClientCustomizer.class));
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LocalLambda.class));
	}

	@Test
	void whenEnabledStartsEmulatorOnFreePortAndStopsItWithContext() {
		LocalLambda[] started = new LocalLambda[1];
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(LocalLambda.class).hasSingleBean(LocalLambdaClientCustomizer.class);
			started[0] = context.getBean(LocalLambda.class);
			assertThat(started[0].isRunning()).isTrue();
			assertThat(started[0].endpoint().getPort()).isPositive();
		});
		assertThat(started[0].isRunning()).isFalse();
	}

	@Test
	void whenPortIsSetListensOnIt() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true", "aws.lambda.local.port=" + port)
			.run((context) -> assertThat(context.getBean(LocalLambda.class).endpoint().getPort()).isEqualTo(port));
	}

	@Test
	void servesFunctionsFromHandlerClassProperties() {
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true",
				"aws.lambda.local.functions.greeting.handler=" + GreetingHandler.class.getName(),
				"aws.lambda.local.functions.greeting.timeout=5", "aws.lambda.local.functions.greeting.memory-size=1GB",
				"aws.lambda.local.functions.greeting.versions=1,2",
				"aws.lambda.local.functions.greeting.aliases.live=2",
				"aws.lambda.local.functions.greeting.reserved-concurrency=0")
			.run((context) -> {
				LocalFunction function = context.getBean(LocalLambda.class).functions().get(0);
				assertThat(function.name()).isEqualTo("greeting");
				assertThat(function.handler()).isInstanceOf(GreetingHandler.class);
				assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(function.memorySize()).isEqualTo(1024);
				assertThat(function.versions()).containsOnlyKeys("1", "2");
				assertThat(function.aliases()).containsEntry("live", "2");
				try (LambdaClient client = client(context.getBean(LambdaClientCustomizer.class))) {
					assertThatExceptionOfType(TooManyRequestsException.class)
						.isThrownBy(() -> client.invoke((request) -> request.functionName("greeting:live")));
				}
			});
	}

	@Test
	void servesAnnotatedHandlerBeansWithSettingsFromProperties() {
		this.contextRunner.withUserConfiguration(HandlerBeansConfiguration.class)
			.withPropertyValues("aws.lambda.local.enabled=true", "aws.lambda.local.functions.shout.timeout=7s",
					"aws.lambda.local.functions.shout.aliases.live=$LATEST")
			.run((context) -> {
				LocalLambda lambda = context.getBean(LocalLambda.class);
				assertThat(lambda.functions()).extracting(LocalFunction::name)
					.containsExactlyInAnyOrder("greeting", "shout");
				LocalFunction shout = lambda.functions()
					.stream()
					.filter((function) -> function.name().equals("shout"))
					.findFirst()
					.orElseThrow();
				assertThat(shout.timeout()).isEqualTo(Duration.ofSeconds(7));
				try (LambdaClient client = client(context.getBean(LambdaClientCustomizer.class))) {
					assertThat(invoke(client, "greeting", "\"Ada\"")).isEqualTo("\"Hello Ada\"");
					assertThat(invoke(client, "shout:live", "\"hey\"")).isEqualTo("\"HEY\"");
				}
			});
	}

	@Test
	void handlerBeanMayDependOnTheLambdaClient() {
		this.contextRunner.withUserConfiguration(ClientDependentHandlerConfiguration.class)
			.withPropertyValues("aws.lambda.local.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String response = context.getBean(LambdaClient.class)
					.invoke((request) -> request.functionName("relay").payload(SdkBytes.fromUtf8String("\"Ada\"")))
					.payload()
					.asUtf8String();
				assertThat(response).isEqualTo("\"relayed Hello Ada\"");
			});
	}

	@Test
	void builderCustomizersAddFunctions() {
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true")
			.withBean(LocalLambdaBuilderCustomizer.class,
					() -> (builder) -> builder.function("inline", (Object input, Context context) -> "inline"))
			.run((context) -> {
				try (LambdaClient client = client(context.getBean(LambdaClientCustomizer.class))) {
					assertThat(invoke(client, "inline", "{}")).isEqualTo("\"inline\"");
				}
			});
	}

	@Test
	void clientCustomizerSetsEmulatorRegionUnlessLambdaRegionIsSet() {
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true").run((context) -> {
			LambdaClientBuilder builder = LambdaClient.builder();
			context.getBean(LambdaClientCustomizer.class).customize(builder);
			try (LambdaClient client = builder.build()) {
				assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.US_EAST_1);
				assertThat(client.serviceClientConfiguration().endpointOverride())
					.hasValue(context.getBean(LocalLambda.class).endpoint());
			}
		});
		this.contextRunner.withPropertyValues("aws.lambda.local.enabled=true", "aws.lambda.region=eu-west-1")
			.run((context) -> {
				assertThat(context.getBean(LocalLambda.class).region()).isEqualTo("eu-west-1");
				LambdaClientBuilder builder = LambdaClient.builder().region(Region.EU_CENTRAL_1);
				context.getBean(LambdaClientCustomizer.class).customize(builder);
				try (LambdaClient client = builder.build()) {
					assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
				}
			});
	}

	@Test
	void regionAndAccountIdPropertiesNameTheFunctionArns() {
		this.contextRunner.withUserConfiguration(HandlerBeansConfiguration.class)
			.withPropertyValues("aws.lambda.local.enabled=true", "aws.lambda.local.region=ap-southeast-2",
					"aws.lambda.local.account-id=111122223333")
			.run((context) -> {
				try (LambdaClient client = client(context.getBean(LambdaClientCustomizer.class))) {
					assertThat(invoke(client, "arn:aws:lambda:ap-southeast-2:111122223333:function:greeting", "\"Bo\""))
						.isEqualTo("\"Hello Bo\"");
				}
			});
	}

	@Test
	void functionWithoutHandlerFailsStartup() {
		this.contextRunner
			.withPropertyValues("aws.lambda.local.enabled=true", "aws.lambda.local.functions.orphan.timeout=5s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Function 'orphan' has no handler"));
	}

	@Test
	void functionWithBeanAndHandlerClassFailsStartup() {
		this.contextRunner.withUserConfiguration(HandlerBeansConfiguration.class)
			.withPropertyValues("aws.lambda.local.enabled=true",
					"aws.lambda.local.functions.greeting.handler=" + GreetingHandler.class.getName())
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Function 'greeting' has two handlers"));
	}

	@Test
	void unknownHandlerClassFailsStartup() {
		this.contextRunner
			.withPropertyValues("aws.lambda.local.enabled=true",
					"aws.lambda.local.functions.missing.handler=com.example.MissingHandler")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseInstanceOf(ClassNotFoundException.class)
				.hasMessageContaining("Handler class com.example.MissingHandler of function 'missing' not found"));
	}

	@Test
	void annotatedBeanThatIsNoHandlerFailsStartup() {
		this.contextRunner.withUserConfiguration(NotAHandlerConfiguration.class)
			.withPropertyValues("aws.lambda.local.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("is neither a RequestHandler nor a RequestStreamHandler"));
	}

	private static LambdaClient client(LambdaClientCustomizer customizer) {
		LambdaClientBuilder builder = LambdaClient.builder()
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()));
		customizer.customize(builder);
		return builder.build();
	}

	private static String invoke(LambdaClient client, String functionName, String payload) {
		InvokeResponse response = client
			.invoke((request) -> request.functionName(functionName).payload(SdkBytes.fromUtf8String(payload)));
		assertThat(response.functionError()).isNull();
		return response.payload().asUtf8String();
	}

	public static class GreetingHandler implements RequestHandler<String, String> {

		@Override
		public String handleRequest(String name, Context context) {
			return "Hello " + name;
		}

	}

	@LocalLambdaFunction("shout")
	static class ShoutHandler implements RequestStreamHandler {

		@Override
		public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
			output.write(new String(input.readAllBytes()).toUpperCase().getBytes());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerBeansConfiguration {

		@Bean
		@LocalLambdaFunction("greeting")
		RequestHandler<String, String> greetingHandler() {
			return (name, context) -> "Hello " + name;
		}

		@Bean
		ShoutHandler shoutHandler() {
			return new ShoutHandler();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientDependentHandlerConfiguration {

		@Bean
		LambdaClient lambdaClient(ObjectProvider<LambdaClientCustomizer> customizers) {
			LambdaClientBuilder builder = LambdaClient.builder();
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder.build();
		}

		@Bean
		@LocalLambdaFunction("greeting")
		GreetingHandler greetingHandler() {
			return new GreetingHandler();
		}

		@Bean
		@LocalLambdaFunction("relay")
		RequestHandler<String, String> relayHandler(LambdaClient lambdaClient) {
			return (name,
					context) -> "relayed " + lambdaClient
						.invoke((request) -> request.functionName("greeting")
							.payload(SdkBytes.fromUtf8String("\"" + name + "\"")))
						.payload()
						.asUtf8String()
						.replace("\"", "");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NotAHandlerConfiguration {

		@Bean
		@LocalLambdaFunction("list")
		List<String> notAHandler() {
			return List.of();
		}

	}

}

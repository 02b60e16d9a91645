package io.github.lambdainvoker.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LogType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Payloads, log tails, client context, function error messages and stack traces and
 * credentials never reach the logs, for sync and async calls, with the starter's own
 * loggers at DEBUG and everything else at INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("security")
class SensitiveDataLoggingTests {

	private static final String ACCESS_KEY = "AKIAEXAMPLESECRETKEY";

	private static final String SECRET_KEY = "wJalrXUtnFEMI-secret-key";

	private static final List<String> SECRETS = List.of("payload-secret-4242", "log-tail-secret-1717",
			"client-context-secret-9999", "response-secret-3131", "function-error-secret-5151",
			"stack-trace-secret-6161", ACCESS_KEY, SECRET_KEY);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final Logger starterLogger = (Logger) LoggerFactory.getLogger("io.github.lambdainvoker");

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withUserConfiguration(CredentialsConfiguration.class);

	@BeforeEach
	void starterLogsAtDebug() {
		this.starterLogger.setLevel(Level.DEBUG);
	}

	@AfterEach
	void restoreLogLevel() {
		this.starterLogger.setLevel(null);
	}

	@Test
	void successfulFailedAndRetriedCallsLogNoSensitiveData(CapturedOutput output) {
		String logTail = Base64.getEncoder()
			.encodeToString("START log-tail-secret-1717 END".getBytes(StandardCharsets.UTF_8));
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Log-Result", logTail)
			.withBody("\"response-secret-3131\"")));
		this.contextRunner
			.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=" + wireMock.baseUrl(),
					"aws.lambda.defaults.retry.initial-interval=1ms")
			.run((context) -> {
				LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
				LambdaRequest request = LambdaRequest.builder("pricing")
					.logType(LogType.TAIL)
					.clientContext(ClientContext.ofCustom(Map.of("token", "client-context-secret-9999")))
					.payload(Map.of("card", "payload-secret-4242"))
					.build();
				assertThat(invoker.invoke(request, String.class).logTail()).contains("log-tail-secret-1717");
				assertThat(invoker.invoke("pricing", List.of("payload-secret-4242"), String.class))
					.isEqualTo("\"response-secret-3131\"");
				wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500)
					.withHeader("X-Amzn-ErrorType", "ServiceException")
					.withBody("{\"message\":\"failed\"}")));
				assertThatExceptionOfType(LambdaInvocationException.class)
					.isThrownBy(() -> invoker.invoke(request, String.class));
			});
		assertThat(output).contains("Invoking function 'pricing' qualifier=null type=RequestResponse payloadBytes=30")
			.contains("Invoking function 'pricing' qualifier=null type=RequestResponse payloadBytes=23")
			.contains("Retrying function 'pricing'");
		for (String secret : SECRETS) {
			assertThat(output).doesNotContain(secret);
		}
	}

	@Test
	void functionErrorsAndAsyncCallsLogNoSensitiveData(CapturedOutput output) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"CardDeclined\",\"errorMessage\":\"function-error-secret-5151\","
					+ "\"stackTrace\":[\"at stack-trace-secret-6161\"]}")));
		this.contextRunner
			.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=" + wireMock.baseUrl(),
					"aws.lambda.defaults.retry.initial-interval=1ms",
					"aws.lambda.defaults.retry.retry-on-function-error=true")
			.run((context) -> {
				LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
				LambdaRequest request = LambdaRequest.builder("pricing")
					.clientContext(ClientContext.ofCustom(Map.of("token", "client-context-secret-9999")))
					.payload(Map.of("card", "payload-secret-4242"))
					.build();
				assertThatExceptionOfType(LambdaFunctionException.class)
					.isThrownBy(() -> invoker.invoke(request, String.class));
				assertThatExceptionOfType(CompletionException.class)
					.isThrownBy(() -> invoker.invokeAsync(request, String.class).join())
					.withCauseInstanceOf(LambdaFunctionException.class);
				wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429)
					.withHeader("X-Amzn-ErrorType", "TooManyRequestsException")
					.withBody("{\"message\":\"throttled\"}")));
				assertThatExceptionOfType(CompletionException.class).isThrownBy(
						() -> invoker
							.invokeAsync(LambdaRequest.builder("audit")
								.invocationType(InvocationType.EVENT)
								.payload(Map.of("card", "payload-secret-4242"))
								.build(), Void.class)
							.join());
			});
		assertThat(output).contains("Invoking function 'pricing'")
			.contains("Retrying function 'pricing'")
			.contains("Invoking function 'audit' qualifier=null type=Event payloadBytes=30");
		for (String secret : SECRETS) {
			assertThat(output).doesNotContain(secret);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CredentialsConfiguration {

		@Bean
		AwsCredentialsProvider testCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
		}

	}

}

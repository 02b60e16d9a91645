package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accessKeyId;
import static io.github.lambdainvoker.client.LambdaWireMock.credentialScope;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions that need the same region, endpoint and credentials share one SDK client, and
 * every client the starter builds is customized and closed with the context. Counted
 * through a {@link LambdaClientCustomizer} that gives each synchronous client an HTTP
 * client that counts its closing.
 */
class SdkClientSharingTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path awsFiles;

	private static final SystemProperties systemProperties = new SystemProperties();

	private final CountingHttpClients httpClients = new CountingHttpClients();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.asyncContextRunner(wireMock)
		.withPropertyValues("aws.lambda.functions.a.function-name=orders-a",
				"aws.lambda.functions.b.function-name=111122223333:function:orders-b",
				"aws.lambda.functions.c.function-name=arn:aws:lambda:eu-west-1:111122223333:function:orders-c",
				"aws.lambda.functions.d.function-name=orders-d", "aws.lambda.functions.d.region=eu-west-1",
				"aws.lambda.functions.e.function-name=orders-e", "aws.lambda.functions.e.region=eu-west-1",
				"aws.lambda.functions.e.credentials.profile=partner")
		.withBean("countingCustomizer", LambdaClientCustomizer.class, () -> this.httpClients);

	@BeforeAll
	static void useTestProfiles() throws IOException {
		Path credentials = Files.writeString(awsFiles.resolve("credentials"),
				"[partner]\naws_access_key_id = AKIDPARTNER\naws_secret_access_key = partner-secret\n");
		systemProperties.set("aws.sharedCredentialsFile", credentials.toString());
		systemProperties.set("aws.configFile", Files.writeString(awsFiles.resolve("config"), "").toString());
	}

	@AfterAll
	static void restoreSystemProperties() {
		systemProperties.restore();
	}

	@Test
	void fiveFunctionsOverTwoRegionsAndTwoCredentialSetsShareThreeClientsClosedWithTheContext() {
		wireMock.stubFor(any(anyUrl()).willReturn(result("ok")));
		this.contextRunner.run((context) -> {
			assertThat(this.httpClients.built).as("clients built at start-up").hasSize(3);
			LambdaInvoker invoker = context.getBean(LambdaInvoker.class);
			for (String function : List.of("a", "b", "c", "d", "e")) {
				assertThat(invoker.invoke(function, null, String.class)).isEqualTo("ok");
			}
			invoker.invokeAsync("e", null, String.class).get(10, TimeUnit.SECONDS);
			assertThat(this.httpClients.built).as("synchronous clients built in all").hasSize(3);
			assertThat(this.httpClients.built).noneMatch(CountingHttpClient::closed);
			assertSigned("orders-a", "test-key", "us-east-1");
			assertSigned("111122223333:function:orders-b", "test-key", "us-east-1");
			assertSigned("arn:aws:lambda:eu-west-1:111122223333:function:orders-c", "test-key", "eu-west-1");
			assertSigned("orders-d", "test-key", "eu-west-1");
			assertThat(invocations(wireMock, "orders-e")).hasSize(2)
				.allSatisfy((request) -> assertThat(accessKeyId(request)).isEqualTo("AKIDPARTNER"))
				.allSatisfy(
						(request) -> assertThat(credentialScope(request)).isEqualTo("/eu-west-1/lambda/aws4_request"));
		});
		assertThat(this.httpClients.built).as("clients closed with the context").allMatch(CountingHttpClient::closed);
	}

	private static void assertSigned(String functionName, String accessKeyId, String region) {
		assertThat(invocations(wireMock, functionName)).singleElement().satisfies((request) -> {
			assertThat(accessKeyId(request)).isEqualTo(accessKeyId);
			assertThat(credentialScope(request)).isEqualTo("/" + region + "/lambda/aws4_request");
		});
	}

	/**
	 * Gives every synchronous client an HTTP client that says when it is closed.
	 */
	static final class CountingHttpClients implements LambdaClientCustomizer {

		final List<CountingHttpClient> built = new CopyOnWriteArrayList<>();

		@Override
		public void customize(LambdaBaseClientBuilder<?, ?> builder) {
			if (builder instanceof LambdaClientBuilder sync) {
				sync.httpClientBuilder(new CountingBuilder());
			}
		}

		final class CountingBuilder implements SdkHttpClient.Builder<CountingBuilder> {

			@Override
			public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
				CountingHttpClient client = new CountingHttpClient(
						Apache5HttpClient.builder().buildWithDefaults(serviceDefaults));
				CountingHttpClients.this.built.add(client);
				return client;
			}

		}

	}

	/**
	 * An HTTP client that remembers whether it was closed.
	 */
	static final class CountingHttpClient implements SdkHttpClient {

		private final SdkHttpClient delegate;

		private volatile boolean closed;

		CountingHttpClient(SdkHttpClient delegate) {
			this.delegate = delegate;
		}

		@Override
		public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
			return this.delegate.prepareRequest(request);
		}

		@Override
		public String clientName() {
			return this.delegate.clientName();
		}

		boolean closed() {
			return this.closed;
		}

		@Override
		public void close() {
			this.closed = true;
			this.delegate.close();
		}

	}

}

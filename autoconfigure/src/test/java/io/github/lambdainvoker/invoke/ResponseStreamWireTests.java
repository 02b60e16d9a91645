package io.github.lambdainvoker.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.invoke.EventStreamFrames.chunk;
import static io.github.lambdainvoker.invoke.EventStreamFrames.complete;
import static io.github.lambdainvoker.invoke.EventStreamFrames.concat;
import static io.github.lambdainvoker.invoke.EventStreamFrames.eventStream;
import static io.github.lambdainvoker.invoke.EventStreamFrames.eventStreamResponse;
import static io.github.lambdainvoker.invoke.EventStreamFrames.streamingPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests for {@link LambdaInvoker#invokeStream}: {@code InvokeWithResponseStream}
 * answered by WireMock with event-stream frames built by the SDK's own encoder.
 */
class ResponseStreamWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static LambdaClient client;

	private static LambdaAsyncClient asyncClient;

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClients() {
		client = TestLambdaClients.sync(wireMock.baseUrl());
		// One connection, so that a call can only start once the previous one released
		// it.
		asyncClient = LambdaAsyncClient.builder()
			.endpointOverride(URI.create(wireMock.baseUrl()))
			.region(Region.US_EAST_1)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key")))
			.httpClientBuilder(NettyNioAsyncHttpClient.builder()
				.maxConcurrency(1)
				.connectionAcquisitionTimeout(Duration.ofSeconds(3))
				.readTimeout(Duration.ofSeconds(30)))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
		invoker = TestLambdaClients.invoker(client, asyncClient);
	}

	@AfterAll
	static void closeClients() {
		client.close();
		asyncClient.close();
	}

	@Test
	void invokeStreamDeliversChunksInOrder() throws Exception {
		wireMock.stubFor(streamingInvocation("story")
			.willReturn(eventStream(chunk("once "), chunk("upon "), chunk("a time"), complete(null, null))));
		try (InputStream stream = invoker.invokeStream(LambdaRequest.of("story", Map.of("words", 3)))
			.get(10, TimeUnit.SECONDS)) {
			assertThat(readChunk(stream)).isEqualTo("once ");
			assertThat(readChunk(stream)).isEqualTo("upon ");
			assertThat(readChunk(stream)).isEqualTo("a time");
			assertThat(stream.read()).isEqualTo(-1);
		}
		LoggedRequest request = onlyRequest("story");
		assertThat(request.containsHeader("X-Amz-Invocation-Type")).as("RequestResponse is Lambda's default").isFalse();
		assertThat(request.getBodyAsString()).isEqualTo("{\"words\":3}");
	}

	@Test
	void invokeStreamThrowsFunctionErrorOfCompletionEventAfterEarlierChunks() throws Exception {
		wireMock.stubFor(streamingInvocation("story").willReturn(eventStream(chunk("partial"),
				complete("Unhandled", "{\"errorType\":\"IllegalStateException\",\"errorMessage\":\"out of ink\"}"))));
		try (InputStream stream = invoker.invokeStream(LambdaRequest.of("story", null)).get(10, TimeUnit.SECONDS)) {
			assertThat(readChunk(stream)).isEqualTo("partial");
			assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(stream::read).satisfies((ex) -> {
				assertThat(ex.getFunctionError()).isEqualTo(FunctionError.UNHANDLED);
				assertThat(ex.getErrorDocument().errorType()).isEqualTo("IllegalStateException");
				assertThat(ex.getErrorDocument().errorMessage()).isEqualTo("out of ink");
				assertThat(ex.getFunctionName()).isEqualTo("story");
			});
			assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(stream::read);
		}
	}

	@Test
	void invokeStreamDeliversFirstChunkBeforeTheResponseEndsAndCloseReleasesTheConnection() throws Exception {
		byte[] body = concat(chunk("first"), chunk("x".repeat(4000)), complete(null, null));
		wireMock.stubFor(streamingInvocation("slow")
			.willReturn(eventStreamResponse().withBody(body).withChunkedDribbleDelay(60, 30_000)));
		wireMock.stubFor(streamingInvocation("story").willReturn(eventStream(chunk("next"), complete(null, null))));
		long start = System.nanoTime();
		InputStream slow = invoker.invokeStream(LambdaRequest.of("slow", null)).get(10, TimeUnit.SECONDS);
		assertThat(readChunk(slow)).isEqualTo("first");
		slow.close();
		try (InputStream next = invoker.invokeStream(LambdaRequest.of("story", null)).get(10, TimeUnit.SECONDS)) {
			assertThat(new String(next.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next");
		}
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		assertThatExceptionOfType(IOException.class).isThrownBy(slow::read);
	}

	@Test
	void invokeStreamCompletesExceptionallyWhenTheFunctionIsNotFound() {
		wireMock.stubFor(streamingInvocation("missing").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
			.withBody("{\"Type\":\"User\",\"Message\":\"Function not found: missing\"}")));
		CompletableFuture<InputStream> stream = invoker.invokeStream(LambdaRequest.of("missing", null));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> stream.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(LambdaFunctionNotFoundException.class);
	}

	@Test
	void invokeStreamRejectsEventInvocationsWithoutSending() {
		CompletableFuture<InputStream> stream = invoker
			.invokeStream(LambdaRequest.builder("story").invocationType(InvocationType.EVENT).build());
		assertThat(stream).failsWithin(Duration.ZERO)
			.withThrowableOfType(ExecutionException.class)
			.withCauseInstanceOf(LambdaValidationException.class);
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static String readChunk(InputStream stream) throws IOException {
		byte[] buffer = new byte[8192];
		int count = stream.read(buffer);
		return new String(buffer, 0, count, StandardCharsets.UTF_8);
	}

	private static LoggedRequest onlyRequest(String function) {
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(streamingPath(function))));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static MappingBuilder streamingInvocation(String function) {
		return post(urlPathEqualTo(streamingPath(function)));
	}

}

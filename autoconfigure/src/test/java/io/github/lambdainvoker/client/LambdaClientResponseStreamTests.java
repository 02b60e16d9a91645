package io.github.lambdainvoker.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.invoke.EventStreamFrames.chunk;
import static io.github.lambdainvoker.invoke.EventStreamFrames.complete;
import static io.github.lambdainvoker.invoke.EventStreamFrames.eventStream;
import static io.github.lambdainvoker.invoke.EventStreamFrames.streamingPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests for client methods annotated with {@link ResponseStream @ResponseStream}.
 */
class LambdaClientResponseStreamTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.asyncContextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	@Test
	void streamingMethodReturnsTheResponseBodyAsItArrives() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story")))
			.willReturn(eventStream(chunk("once "), chunk("upon a time"), complete(null, null))));
		this.contextRunner.run((context) -> {
			StoryFunctions stories = context.getBean(StoryFunctions.class);
			try (InputStream story = stories.tell("dragons")) {
				assertThat(new String(story.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("once upon a time");
			}
			List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(streamingPath("story"))));
			assertThat(requests).singleElement()
				.satisfies((request) -> assertThat(request.getBodyAsString()).isEqualTo("dragons"));
		});
	}

	@Test
	void asyncStreamingMethodThrowsFunctionErrorFromTheRead() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story"))).willReturn(eventStream(chunk("once"),
				complete("Unhandled", "{\"errorType\":\"WriterBlock\",\"errorMessage\":\"no ending\"}"))));
		this.contextRunner.run((context) -> {
			StoryFunctions stories = context.getBean(StoryFunctions.class);
			try (InputStream story = stories.tellLater("dragons").get(10, TimeUnit.SECONDS)) {
				assertThat(story.readNBytes(4)).asString(StandardCharsets.UTF_8).isEqualTo("once");
				assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(story::read)
					.withMessageContaining("no ending");
			}
		});
	}

	@Test
	void streamingMethodThatReturnsAnotherTypeIsRejected() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> context.getBean(LambdaClientFactory.class).createClient(InvalidStreamFunctions.class))
			.withMessageContaining("is annotated with @ResponseStream but returns java.lang.String; "
					+ "return InputStream or CompletableFuture<InputStream>"));
	}

	@Test
	void streamingMethodOfEventFunctionIsRejected() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> context.getBean(LambdaClientFactory.class).createClient(EventStreamFunctions.class))
			.withMessageContaining("as Event, which cannot stream"));
	}

	@LambdaClient("story")
	public interface StoryFunctions {

		@ResponseStream
		@LambdaFunction
		InputStream tell(String topic) throws IOException;

		@ResponseStream
		@LambdaFunction
		CompletableFuture<InputStream> tellLater(String topic);

	}

	@LambdaClient("story")
	public interface InvalidStreamFunctions {

		@ResponseStream
		@LambdaFunction
		String tell(String topic);

	}

	@LambdaClient(value = "story", invocationType = InvocationType.EVENT)
	public interface EventStreamFunctions {

		@ResponseStream
		@LambdaFunction
		InputStream tell(String topic);

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = StoryFunctions.class)
	static class ClientsConfiguration {

	}

}

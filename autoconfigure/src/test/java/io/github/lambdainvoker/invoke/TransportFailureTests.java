package io.github.lambdainvoker.invoke;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Network failures become {@link LambdaClientException}s that say whether the function
 * may have run.
 */
class TransportFailureTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.sync(Duration.ofMillis(300));

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClient() {
		invoker = TestLambdaClients.invoker(wireMock.client());
	}

	@Test
	void invokeWhenConnectionIsRefusedReportsNotSent() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (LambdaClient refused = TestLambdaClients.sync("http://127.0.0.1:" + port)) {
			DefaultLambdaInvoker refusedInvoker = TestLambdaClients.invoker(refused);
			assertThatExceptionOfType(LambdaClientException.class)
				.isThrownBy(() -> refusedInvoker.invoke("pricing", null, Void.class))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex).hasMessageStartingWith("Call to function 'pricing' could not be sent");
				});
		}
	}

	@Test
	void invokeWhenResponseIsLaterThanReadTimeoutThrowsTimeoutWithUnknownOutcome() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody("{}")));
		assertThatExceptionOfType(LambdaTimeoutException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Void.class))
			.satisfies((ex) -> {
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex).hasMessageContaining("the function may still be running");
			});
		// WireMock journals the request once its delayed response is written, after the
		// client gave up.
		await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> wireMock.verify(1, postRequestedFor(anyUrl())));
	}

	@Test
	void invokeWhenConnectionIsResetAfterSendingReportsUnknownOutcome() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatExceptionOfType(LambdaClientException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Void.class))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
		wireMock.verify(1, postRequestedFor(anyUrl()));
	}

	@Test
	void invokeWhenResponseIsEmptyReportsUnknownOutcome() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		assertThatExceptionOfType(LambdaClientException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Void.class))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
	}

}

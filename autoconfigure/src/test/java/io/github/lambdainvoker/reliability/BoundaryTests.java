package io.github.lambdainvoker.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each limit at its exact boundary: the largest value Lambda allows is sent as it is, one
 * more is refused before anything is sent.
 */
@Tag("bad-input")
class BoundaryTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.sync();

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClient() {
		invoker = TestLambdaClients.invoker(wireMock.client());
	}

	@BeforeEach
	void answerEverything() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
	}

	@Test
	void requestResponsePayloadOfExactlySixMebibytesIsSentAndOneByteMoreIsRefused() {
		byte[] largest = filled(6_291_456);
		assertThat(largest).hasSize(6_291_456);
		invoker.invoke("pricing", largest, Void.class);
		assertThat(onlyRequest().getBody()).hasSize(6_291_456);
		wireMock.resetRequests();
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke("pricing", filled(6_291_457), Void.class))
			.withMessageContaining("is 6291457 bytes; Lambda accepts at most 6291456 bytes");
		nothingWasSent();
	}

	@Test
	void eventPayloadOfExactlyOneMebibyteIsSentAndOneByteMoreIsRefused() {
		byte[] largest = filled(1_048_576);
		assertThat(largest).hasSize(1_048_576);
		invoker.invokeEvent("audit", largest);
		LoggedRequest request = onlyRequest();
		assertThat(request.getBody()).hasSize(1_048_576);
		assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		wireMock.resetRequests();
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invokeEvent("audit", filled(1_048_577)))
			.withMessageContaining("is 1048577 bytes; Lambda accepts at most 1048576 bytes");
		nothingWasSent();
	}

	/**
	 * Base64 with padding encodes to a multiple of 4 characters, so no client context
	 * encodes to exactly 3,583 bytes: the largest that fits is 3,580 (2,685 bytes of
	 * JSON), and one more byte of JSON makes 3,584.
	 */
	@Test
	void clientContextOfTheLargestSizeThatFitsIsSentAndOneMoreByteIsRefused() {
		ClientContext largest = ClientContext.ofCustom(Map.of("k", "x".repeat(2685 - jsonOverhead())));
		String encoded = largest.encode("pricing");
		assertThat(encoded).hasSize(3580);
		assertThat(Base64.getDecoder().decode(encoded)).hasSize(2685);
		invoker.invoke(LambdaRequest.builder("pricing").clientContext(largest).build(), Void.class);
		assertThat(onlyRequest().getHeader("X-Amz-Client-Context")).isEqualTo(encoded);
		wireMock.resetRequests();
		ClientContext oneMore = ClientContext.ofCustom(Map.of("k", "x".repeat(2686 - jsonOverhead())));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(
					() -> invoker.invoke(LambdaRequest.builder("pricing").clientContext(oneMore).build(), Void.class))
			.withMessage("Client context of function 'pricing' is 3584 bytes once base64-encoded; "
					+ "Lambda allows at most 3583");
		nothingWasSent();
	}

	@Test
	void qualifierOf128CharactersIsSentAnd129AreRefused() {
		String longest = "q".repeat(128);
		invoker.invoke(LambdaRequest.builder("pricing").qualifier(longest).build(), Void.class);
		assertThat(onlyRequest().queryParameter("Qualifier").firstValue()).isEqualTo(longest);
		wireMock.resetRequests();
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(
				() -> invoker.invoke(LambdaRequest.builder("pricing").qualifier("q".repeat(129)).build(), Void.class))
			.withMessageContaining("must be 1 to 128 characters long");
		nothingWasSent();
	}

	@Test
	void byteBufferPayloadSendsExactlyItsRemainingBytes() {
		byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
		ByteBuffer advanced = ByteBuffer.wrap(bytes);
		advanced.position(3);
		ByteBuffer limited = ByteBuffer.wrap(bytes, 2, 5);
		ByteBuffer slice = ByteBuffer.wrap(bytes, 4, 4).slice();
		ByteBuffer direct = ByteBuffer.allocateDirect(10).put(bytes).flip().position(6);
		for (ByteBuffer payload : List.of(advanced, limited, slice, direct)) {
			invoker.invoke("pricing", payload, Void.class);
		}
		assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).extracting(LoggedRequest::getBodyAsString)
			.containsExactly("3456789", "23456", "4567", "6789");
		assertThat(advanced.position()).as("position of the caller's buffer").isEqualTo(3);
		assertThat(direct.position()).isEqualTo(6);
	}

	private static int jsonOverhead() {
		// {"custom":{"k":""}}
		return "{\"custom\":{\"k\":\"\"}}".length();
	}

	private static byte[] filled(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'x');
		return bytes;
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static void nothingWasSent() {
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

}

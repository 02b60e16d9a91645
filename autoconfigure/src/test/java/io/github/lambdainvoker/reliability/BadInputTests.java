package io.github.lambdainvoker.reliability;

import java.util.Map;
import java.util.concurrent.CompletionException;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaPayloadException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input beyond {@code InvocationValidationTests}: ARNs of other services, qualifiers,
 * client context sections and payload limits counted in bytes fail with a clear message
 * and send nothing; responses the result type cannot read fail once, naming the function
 * and showing the start of the payload.
 */
@Tag("bad-input")
class BadInputTests {

	/** Lambda's limit for a RequestResponse payload, 6 MiB. */
	private static final int SYNC_PAYLOAD_MAX_BYTES = 6_291_456;

	/** Lambda's limit for an Event payload, 1 MiB. */
	private static final int EVENT_PAYLOAD_MAX_BYTES = 1_048_576;

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

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:lambda:us-east-1:123456789012:layer:shared:3",
			"arn:aws:iam::123456789012:role/pricing", "arn:aws:states:us-east-1:123456789012:stateMachine:pricing",
			"arn:aws:lambda:us-east-1:123456789012:function:pricing:live:extra",
			"arn:aws:lambda:us-east-1:123456789012:event-source-mapping:abc",
			"arn:aws:lambda:us-east-1:123456789012:function:" })
	void invokeWhenArnIsNotALambdaFunctionFailsAndSendsNothing(String name) {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(name, "{}", Void.class))
			.withMessageContaining("'" + name + "'");
		nothingWasSent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a:b", "ali@s", "tab\there", "ünï", "new\nline" })
	void invokeWhenQualifierHasForbiddenCharactersFailsAndSendsNothing(String qualifier) {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(LambdaRequest.builder("pricing").qualifier(qualifier).build(), Void.class))
			.withMessageContaining("of function 'pricing'");
		nothingWasSent();
	}

	@Test
	void invokeWhenEnvSectionOfClientContextIsTooLargeFailsAndSendsNothing() {
		ClientContext context = new ClientContext(Map.of(), Map.of("locale", "x".repeat(2700)), Map.of());
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(
					() -> invoker.invoke(LambdaRequest.builder("pricing").clientContext(context).build(), Void.class))
			.withMessageStartingWith("Client context of function 'pricing' is ");
		nothingWasSent();
	}

	@Test
	void invokeWhenClientSectionOfClientContextIsTooLargeFailsAndSendsNothing() {
		ClientContext context = new ClientContext(Map.of(), Map.of(), Map.of("installation_id", "i".repeat(2700)));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(
					() -> invoker.invoke(LambdaRequest.builder("pricing").clientContext(context).build(), Void.class))
			.withMessageEndingWith("Lambda allows at most 3583");
		nothingWasSent();
	}

	@Test
	void syncPayloadLimitCountsBytesNotCharacters() {
		String payload = "\"" + "é".repeat(SYNC_PAYLOAD_MAX_BYTES / 2) + "\"";
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke("pricing", payload, Void.class))
			.withMessageStartingWith("Payload for function 'pricing' is 629145")
			.withMessageEndingWith("for RequestResponse invocations");
		nothingWasSent();
	}

	@Test
	void asyncEventPayloadOverTheEventLimitFailsTheFutureAndSendsNothing() {
		byte[] payload = new byte[EVENT_PAYLOAD_MAX_BYTES + 1];
		LambdaRequest request = LambdaRequest.builder("audit")
			.invocationType(InvocationType.EVENT)
			.payload(payload)
			.build();
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> invoker.invokeAsync(request, Void.class).join())
			.havingCause()
			.isInstanceOf(LambdaValidationException.class)
			.withMessage("Payload for function 'audit' is 1048577 bytes; Lambda accepts at most 1048576 bytes "
					+ "for Event invocations");
		nothingWasSent();
	}

	@Test
	void invokeWhenPayloadGetterThrowsFailsAndSendsNothing() {
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> invoker.invoke("pricing", new ExplodingGetter(), Void.class))
			.withMessageStartingWith("Payload of type " + ExplodingGetter.class.getName()
					+ " for function 'pricing' cannot be written as JSON");
		nothingWasSent();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "not json at all, just text|not json at all", "[1, 2, 3]|[1, 2, 3]",
					"{\"sku\": \"a\", \"price\": |{\"sku\": \"a\"",
					"{\"sku\": \"a\", \"price\": \"twelve\"}|\"price\": \"twelve\"" })
	void responseTheResultTypeCannotReadFailsOnceNamingTheFunctionAndPayloadStart(String body, String start) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> invoker.invoke("pricing", "{}", Quote.class))
			.withMessageStartingWith("Response of function 'pricing' cannot be read: ")
			.withMessageContaining("payload starts with: ")
			.withMessageContaining(start);
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	private static void nothingWasSent() {
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	record Quote(String sku, int price) {

	}

	static class ExplodingGetter {

		public String getValue() {
			throw new IllegalStateException("cannot compute value");
		}

	}

}

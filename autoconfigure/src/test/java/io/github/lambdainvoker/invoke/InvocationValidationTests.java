package io.github.lambdainvoker.invoke;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests that break Lambda's formats or limits fail with a message that names the
 * function and the limit, and nothing is sent.
 */
@Tag("bad-input")
class InvocationValidationTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.sync();

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClient() {
		invoker = TestLambdaClients.invoker(wireMock.client());
	}

	@AfterEach
	void nothingWasSent() {
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void invokeWhenBareNameIsLongerThan64CharactersFails() {
		String name = "f".repeat(65);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(name, null, Void.class))
			.withMessage("Function name 'fffffffffffffffffffffffffffffffffffff...' is 65 characters long; "
					+ "Lambda allows at most 64");
	}

	@Test
	void invokeWhenNameIsLongerThan170CharactersFails() {
		String name = "arn:aws:lambda:us-east-1:123456789012:function:" + "f".repeat(130);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(name, null, Void.class))
			.withMessageContaining("is 177 characters long; Lambda allows at most 170")
			.satisfies((ex) -> org.assertj.core.api.Assertions.assertThat(ex.getFunctionName()).isEqualTo(name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "my function", "my/function", "fn:alias:extra", "fn:", ":fn", "fn:ali.as",
			"arn:aws:s3:::my-bucket", "arn:aws:sqs:us-east-1:123456789012:queue",
			"arn:azure:lambda:us-east-1:123456789012:function:f", "arn:aws:lambda:us-east-1:12345:function:f",
			"ärger" })
	void invokeWhenNameIsMalformedFails(String name) {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(name, null, Void.class))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void invokeWhenArnLacksAccountFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke("arn:aws:lambda:us-east-1:function:f", null, Void.class))
			.withMessageContaining("is incomplete");
	}

	@Test
	void invokeWhenNameIsBlankFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(" ", null, Void.class))
			.withMessage("Function name must not be empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "with space", "dot.ted", "slash/ed" })
	void invokeWhenQualifierIsMalformedFails(String qualifier) {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(LambdaRequest.builder("pricing").qualifier(qualifier).build(), Void.class))
			.withMessageContaining("Qualifier '" + qualifier + "' of function 'pricing'");
	}

	@Test
	void invokeWhenQualifierIsLongerThan128CharactersFails() {
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(
				() -> invoker.invoke(LambdaRequest.builder("pricing").qualifier("q".repeat(129)).build(), Void.class))
			.withMessageContaining("must be 1 to 128 characters long");
	}

	@Test
	void invokeWhenInlineAndExplicitQualifiersDifferFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(
					() -> invoker.invoke(LambdaRequest.builder("pricing:live").qualifier("test").build(), Void.class))
			.withMessage("Function 'pricing:live' names qualifier 'live' but qualifier 'test' was also given; "
					+ "remove one of them");
	}

	@Test
	void invokeWhenClientContextIsTooLargeFails() {
		ClientContext context = ClientContext.ofCustom(Map.of("blob", "x".repeat(2700)));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(
					() -> invoker.invoke(LambdaRequest.builder("pricing").clientContext(context).build(), Void.class))
			.withMessageStartingWith("Client context of function 'pricing' is ")
			.withMessageEndingWith("bytes once base64-encoded; Lambda allows at most 3583");
	}

	@Test
	void invokeWhenSyncPayloadIsOver6MegabytesFails() {
		byte[] payload = new byte[InvocationLimits.SYNC_PAYLOAD_MAX_BYTES + 1];
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke("pricing", payload, Void.class))
			.withMessage("Payload for function 'pricing' is 6291457 bytes; Lambda accepts at most 6291456 bytes "
					+ "for RequestResponse invocations");
	}

	@Test
	void invokeEventWhenPayloadIsOver1MegabyteFails() {
		String payload = "x".repeat(InvocationLimits.EVENT_PAYLOAD_MAX_BYTES + 1);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invokeEvent("audit", payload))
			.withMessage("Payload for function 'audit' is 1048577 bytes; Lambda accepts at most 1048576 bytes "
					+ "for Event invocations");
	}

	@Test
	void invokeWhenStreamIsTooLargeFailsWithoutReadingItAll() {
		InputStream stream = new ByteArrayInputStream(new byte[InvocationLimits.EVENT_PAYLOAD_MAX_BYTES + 100]);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invokeEvent("audit", stream))
			.withMessage("Payload for function 'audit' is more than 1048576 bytes; Lambda accepts at most 1048576 "
					+ "bytes for Event invocations");
	}

	@Test
	void invokeWhenPayloadCannotBeWrittenAsJsonFails() {
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> invoker.invoke("pricing", new Unwritable(), Void.class))
			.withMessageStartingWith("Payload of type " + Unwritable.class.getName()
					+ " for function 'pricing' cannot be written as JSON");
	}

	@Test
	void invokeWhenTenantIdIsBlankFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(LambdaRequest.builder("pricing").tenantId(" ").build(), Void.class))
			.withMessage("Tenant id for function 'pricing' must not be blank");
	}

	@Test
	void invokeWhenTenantIdHasControlCharactersFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> invoker.invoke(LambdaRequest.builder("pricing").tenantId("a\r\nb").build(), Void.class))
			.withMessage("Tenant id for function 'pricing' may only contain printable ASCII characters");
	}

	static class Unwritable {

		public Object getSelf() {
			return this;
		}

	}

}

package io.github.lambdainvoker.invoke;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a request turns into before anything is sent: the SDK request's headers and
 * payload, the limits Lambda enforces, and the errors that name what is wrong.
 */
class InvocationPreparerTests {

	private final List<String> asked = new ArrayList<>();

	private final ClientContextContributor contributor = (function) -> {
		this.asked.add(function.key());
		return Map.of("trace", "t-1");
	};

	private final InvocationPreparer preparer = new InvocationPreparer(new PayloadCodec(JsonMapper.shared()),
			this.contributor);

	@Test
	void requestResponseCallLeavesOutTheDefaultHeaders() {
		PreparedInvocation prepared = this.preparer.prepare(
				function("pricing", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, ClientContext.EMPTY),
				LambdaRequest.of("pricing", "{}"));
		InvokeRequest sdk = prepared.sdkRequest();
		assertThat(sdk.functionName()).isEqualTo("pricing");
		assertThat(sdk.qualifier()).isNull();
		assertThat(sdk.invocationType()).isNull();
		assertThat(sdk.logType()).isNull();
		assertThat(sdk.tenantId()).isNull();
		assertThat(sdk.payload().asUtf8String()).isEqualTo("{}");
		assertThat(prepared.payloadSize()).isEqualTo(2);
		assertThat(prepared.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
		assertThat(prepared.qualifier()).isNull();
	}

	@Test
	void functionSettingsAreSentWhenTheRequestHasNone() {
		PreparedInvocation prepared = this.preparer.prepare(
				function("pricing", "live", InvocationType.EVENT, LogType.TAIL, ClientContext.EMPTY),
				LambdaRequest.of("pricing", null));
		InvokeRequest sdk = prepared.sdkRequest();
		assertThat(sdk.qualifier()).isEqualTo("live");
		assertThat(sdk.invocationTypeAsString()).isEqualTo("Event");
		assertThat(sdk.logTypeAsString()).isEqualTo("Tail");
		assertThat(sdk.payload()).isNull();
		assertThat(prepared.payloadSize()).isZero();
		assertThat(prepared.qualifier()).isEqualTo("live");
		assertThat(prepared.invocationType()).isEqualTo(InvocationType.EVENT);
	}

	@Test
	void requestSettingsWinOverTheFunctions() {
		PreparedInvocation prepared = this.preparer.prepare(
				function("pricing", "live", InvocationType.EVENT, LogType.TAIL, ClientContext.EMPTY),
				LambdaRequest.builder("pricing")
					.qualifier("canary")
					.invocationType(InvocationType.DRY_RUN)
					.logType(LogType.NONE)
					.build());
		InvokeRequest sdk = prepared.sdkRequest();
		assertThat(sdk.qualifier()).isEqualTo("canary");
		assertThat(sdk.invocationTypeAsString()).isEqualTo("DryRun");
		assertThat(sdk.logType()).isNull();
		assertThat(prepared.qualifier()).isEqualTo("canary");
	}

	@Test
	void qualifierInTheNameIsReportedButNotSentTwice() {
		PreparedInvocation prepared = this.preparer.prepare(
				function("pricing:live", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, ClientContext.EMPTY),
				LambdaRequest.of("pricing:live", null));
		assertThat(prepared.sdkRequest().functionName()).isEqualTo("pricing:live");
		assertThat(prepared.sdkRequest().qualifier()).isNull();
		assertThat(prepared.qualifier()).isEqualTo("live");
	}

	@Test
	void requestQualifierThatContradictsTheNameIsRefused() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> this.preparer.prepare(
					function("pricing:live", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, ClientContext.EMPTY),
					LambdaRequest.builder("pricing:live").qualifier("canary").build()))
			.withMessageContaining("'live'")
			.withMessageContaining("'canary'");
	}

	@Test
	void clientContextOfTheRequestIsMergedOverTheFunctionsAndContributedValuesAdded() {
		ResolvedFunction function = function("pricing", null, InvocationType.REQUEST_RESPONSE, LogType.NONE,
				ClientContext.ofCustom(Map.of("tenant", "acme", "user", "default")));
		PreparedInvocation prepared = this.preparer.prepare(function,
				LambdaRequest.builder("pricing").clientContext(Map.of("user", "u-1")).build());
		JsonMapper json = JsonMapper.shared();
		assertThat(json.readTree(ClientContextEncoder.decode(prepared.sdkRequest().clientContext())))
			.isEqualTo(json.readTree("{\"custom\":{\"tenant\":\"acme\",\"user\":\"u-1\",\"trace\":\"t-1\"}}"));
		assertThat(this.asked).containsExactly("pricing");
	}

	@Test
	void asynchronousCallsAreNotGivenContributedValues() {
		PreparedInvocation prepared = this.preparer.prepare(
				function("pricing", null, InvocationType.EVENT, LogType.NONE, ClientContext.EMPTY),
				LambdaRequest.of("pricing", null));
		assertThat(prepared.sdkRequest().clientContext()).isNull();
		assertThat(this.asked).isEmpty();
	}

	@Test
	void tenantIdOfPrintableAsciiIsSent() {
		String tenant = " tenant~" + (char) 0x20 + (char) 0x7e;
		PreparedInvocation prepared = this.preparer.prepare(defaultFunction(),
				LambdaRequest.builder("pricing").tenantId(tenant).build());
		assertThat(prepared.sdkRequest().tenantId()).isEqualTo(tenant);
	}

	@Test
	void tenantIdThatIsBlankOrNotPrintableAsciiIsRefused() {
		assertTenantRefused("  ", "must not be blank");
		assertTenantRefused("acme" + (char) 0x1f, "printable ASCII");
		assertTenantRefused("acme" + (char) 0x7f, "printable ASCII");
		assertTenantRefused("acmé", "printable ASCII");
	}

	@Test
	void payloadsAtTheLimitOfTheirInvocationTypeAreSentAndOneByteMoreIsRefused() {
		assertThat(prepare(InvocationType.REQUEST_RESPONSE, new byte[InvocationLimits.SYNC_PAYLOAD_MAX_BYTES])
			.payloadSize()).isEqualTo(6_291_456);
		assertThat(prepare(InvocationType.EVENT, new byte[InvocationLimits.EVENT_PAYLOAD_MAX_BYTES]).payloadSize())
			.isEqualTo(1_048_576);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> prepare(InvocationType.REQUEST_RESPONSE, new byte[6_291_457]))
			.withMessage("Payload for function 'pricing' is 6291457 bytes; Lambda accepts at most 6291456 bytes "
					+ "for RequestResponse invocations");
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> prepare(InvocationType.EVENT, new byte[1_048_577]))
			.withMessage("Payload for function 'pricing' is 1048577 bytes; Lambda accepts at most 1048576 bytes "
					+ "for Event invocations");
	}

	@Test
	void oversizedStreamIsRefusedWithoutClaimingItsFullSize() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> prepare(InvocationType.EVENT, new ByteArrayInputStream(new byte[2_000_000])))
			.withMessageContaining("is more than 1048576 bytes");
	}

	@Test
	void payloadThatCannotBeWrittenAsJsonNamesItsTypeAndFunction() {
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> prepare(InvocationType.REQUEST_RESPONSE, new Unwritable()))
			.withMessageStartingWith("Payload of type " + Unwritable.class.getName()
					+ " for function 'pricing' cannot be written as JSON")
			.satisfies((ex) -> assertThat(ex.getFunctionName()).isEqualTo("pricing"));
	}

	@Test
	void streamThatFailsIsRefusedNamingTheFunction() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}

		};
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> prepare(InvocationType.REQUEST_RESPONSE, broken))
			.withMessageStartingWith("Payload for function 'pricing' cannot be read");
	}

	private void assertTenantRefused(String tenantId, String message) {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> this.preparer.prepare(defaultFunction(),
					LambdaRequest.builder("pricing").tenantId(tenantId).build()))
			.withMessageContaining("Tenant id for function 'pricing'")
			.withMessageContaining(message);
	}

	private PreparedInvocation prepare(InvocationType type, Object payload) {
		return this.preparer.prepare(function("pricing", null, type, LogType.NONE, ClientContext.EMPTY),
				LambdaRequest.of("pricing", payload));
	}

	private static ResolvedFunction defaultFunction() {
		return function("pricing", null, InvocationType.REQUEST_RESPONSE, LogType.NONE, ClientContext.EMPTY);
	}

	private static ResolvedFunction function(String name, @Nullable String qualifier, InvocationType type,
			LogType logType, ClientContext clientContext) {
		return new ResolvedFunction("pricing", FunctionReference.parse(name), qualifier, type, logType, clientContext,
				null, null, RetrySettings.DEFAULTS, BulkheadSettings.UNLIMITED);
	}

	/** A payload whose only property cannot be read. */
	static final class Unwritable {

		public String getValue() {
			throw new IllegalStateException("no value yet");
		}

	}

}

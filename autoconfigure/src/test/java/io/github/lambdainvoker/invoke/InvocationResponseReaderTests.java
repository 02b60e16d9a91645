package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaResponseMetadata;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading SDK responses: the metadata a caller sees, function errors and payloads that do
 * not match the expected type.
 */
class InvocationResponseReaderTests {

	private final PayloadCodec codec = new PayloadCodec(JsonMapper.shared());

	private final InvocationResponseReader reader = new InvocationResponseReader(this.codec);

	private final PreparedInvocation invocation = new PreparedInvocation(
			ResolvedFunction.of("pricing", FunctionOptions.NONE), "live", InvocationType.REQUEST_RESPONSE, 0,
			InvokeRequest.builder().functionName("pricing").build());

	@Test
	void rawResponseCarriesEverythingLambdaSent() {
		InvokeResponse response = response("{\"total\":3}", null).toBuilder()
			.executedVersion("7")
			.logResult(Base64.getEncoder().encodeToString("START RequestId: 1\nEND".getBytes(StandardCharsets.UTF_8)))
			.build();
		LambdaResponse<byte[]> raw = this.reader.readRaw(this.invocation, response);
		assertThat(raw.functionName()).isEqualTo("pricing");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.executedVersion()).isEqualTo("7");
		assertThat(raw.functionError()).isEqualTo(FunctionError.NONE);
		assertThat(raw.logTail()).isEqualTo("START RequestId: 1\nEND");
		assertThat(raw.requestId()).isEqualTo("request-1");
		assertThat(raw.payloadAsString()).isEqualTo("{\"total\":3}");
	}

	@Test
	void responseWithoutPayloadHasAnEmptyOne() {
		InvokeResponse response = response("", null).toBuilder().payload(null).build();
		LambdaResponse<byte[]> raw = this.reader.readRaw(this.invocation, response);
		assertThat(raw.payloadBytes()).isEmpty();
		assertThat(this.reader.read(this.invocation, response, this.codec.<Order>reader(Order.class)).payload())
			.isNull();
	}

	@Test
	void readDecodesThePayloadAsTheRequestedType() {
		LambdaResponse<Order> read = this.reader.read(this.invocation,
				response("{\"id\":\"o-1\",\"items\":[\"a\"]}", null), this.codec.reader(Order.class));
		assertThat(read.payload()).isEqualTo(new Order("o-1", List.of("a")));
		assertThat(read.requestId()).isEqualTo("request-1");
	}

	@Test
	void functionErrorIsThrownWithTheRuntimesErrorDocument() {
		InvokeResponse response = response(
				"{\"errorType\":\"IllegalStateException\",\"errorMessage\":\"no stock\",\"stackTrace\":[\"at A\"]}",
				"Unhandled");
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> this.reader.read(this.invocation, response, this.codec.reader(Order.class)))
			.satisfies((ex) -> {
				assertThat(ex.isUnhandled()).isTrue();
				assertThat(ex.getFunctionName()).isEqualTo("pricing");
				assertThat(ex.getQualifier()).isEqualTo("live");
				assertThat(ex.getErrorType()).isEqualTo("IllegalStateException");
				assertThat(ex.getErrorMessage()).isEqualTo("no stock");
				assertThat(ex.getRemoteStackTrace()).containsExactly("at A");
				assertThat(ex.getResponse().requestId()).isEqualTo("request-1");
			});
	}

	@Test
	void handledFunctionErrorIsThrownToo() {
		assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(() -> this.reader.read(this.invocation,
				response("{\"errorMessage\":\"bad input\"}", "Handled"), this.codec.reader(String.class)))
			.satisfies((ex) -> assertThat(ex.isUnhandled()).isFalse());
	}

	@Test
	void payloadThatDoesNotMatchTheTypeFailsWithItsBeginning() {
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(
					() -> this.reader.read(this.invocation, response("[1,2,3]", null), this.codec.reader(Order.class)))
			.satisfies((ex) -> {
				assertThat(ex.getFunctionName()).isEqualTo("pricing");
				assertThat(ex.getQualifier()).isEqualTo("live");
				assertThat(ex.getMessage()).contains("Response of function 'pricing' cannot be read")
					.endsWith("payload starts with: '[1,2,3]'");
			});
	}

	@Test
	void longPayloadIsCutToSixtyFourCharactersInTheError() {
		String payload = "<html>" + "x".repeat(58) + "TAIL-NOT-SHOWN</html>";
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(
					() -> this.reader.read(this.invocation, response(payload, null), this.codec.reader(Order.class)))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.endsWith("payload starts with: '" + payload.substring(0, 64) + "...'"));
	}

	@Test
	void payloadOfExactlySixtyFourCharactersIsShownWhole() {
		String payload = "<" + "y".repeat(62) + ">";
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(
					() -> this.reader.read(this.invocation, response(payload, null), this.codec.reader(Order.class)))
			.satisfies((ex) -> assertThat(ex.getMessage()).endsWith("payload starts with: '" + payload + "'"));
	}

	@Test
	void logTailIsDecodedFromBase64OrKeptAsSent() {
		assertThat(InvocationResponseReader.decodeLogTail(null)).isNull();
		assertThat(InvocationResponseReader.decodeLogTail("")).isNull();
		assertThat(InvocationResponseReader.decodeLogTail("aGVsbG8=")).isEqualTo("hello");
		assertThat(InvocationResponseReader.decodeLogTail("not base64!")).isEqualTo("not base64!");
	}

	private static InvokeResponse response(String payload, @Nullable String functionError) {
		return (InvokeResponse) InvokeResponse.builder()
			.statusCode(200)
			.functionError(functionError)
			.payload(SdkBytes.fromUtf8String(payload))
			.responseMetadata(LambdaResponseMetadata
				.create(DefaultAwsResponseMetadata.create(Map.of("AWS_REQUEST_ID", "request-1"))))
			.build();
	}

	record Order(String id, List<String> items) {
	}

}

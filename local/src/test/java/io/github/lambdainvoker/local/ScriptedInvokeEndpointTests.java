package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Answer;
import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ScriptedInvokeEndpoint}: requests are checked as the emulator checks
 * them before the script sees them, and answers go out in the emulator's wire format.
 */
class ScriptedInvokeEndpointTests {

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private ScriptedInvokeEndpoint endpoint;

	private LambdaClient client;

	private void start(ScriptedInvokeEndpoint.Script script) {
		this.endpoint = ScriptedInvokeEndpoint.start("scripted", (request) -> {
			this.requests.add(request);
			return script.answer(request);
		});
		this.client = TestLambdaClients.create(this.endpoint.endpoint());
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.endpoint.close();
	}

	@Test
	void scriptSeesTheRequestAsSentWithTheQualifierOfItsName() {
		start((request) -> Answer.result("{\"ok\":true}".getBytes(StandardCharsets.UTF_8), "3", "line\n"));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("arn:aws:lambda:us-east-1:123456789012:function:pricing:live")
				.logType(LogType.TAIL)
				.tenantId("acme")
				.payload(TestLambdaClients.json("{\"sku\":\"book\"}")));
		assertThat(response.payload().asUtf8String()).isEqualTo("{\"ok\":true}");
		assertThat(response.executedVersion()).isEqualTo("3");
		assertThat(response.logResult()).isEqualTo("bGluZQo=");
		assertThat(this.requests).singleElement().satisfies((request) -> {
			assertThat(request.name()).isEqualTo("pricing");
			assertThat(request.qualifier()).isEqualTo("live");
			assertThat(request.invocationType()).isEqualTo("RequestResponse");
			assertThat(request.logTail()).isTrue();
			assertThat(request.tenantId()).isEqualTo("acme");
			assertThat(new String(request.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"book\"}");
		});
	}

	@Test
	void requestsLambdaWouldRefuseNeverReachTheScript() {
		start((request) -> Answer.result("{}".getBytes(StandardCharsets.UTF_8), "$LATEST", ""));
		assertThatExceptionOfType(InvalidRequestContentException.class).isThrownBy(() -> this.client
			.invoke((request) -> request.functionName("pricing").payload(TestLambdaClients.json("{"))));
		assertThatExceptionOfType(InvalidParameterValueException.class).isThrownBy(
				() -> this.client.invoke((request) -> request.functionName("pricing:live").qualifier("canary")));
		assertThat(this.requests).isEmpty();
	}

	@Test
	void resultOfAnEventIsAccepted() {
		start((request) -> Answer.result("{}".getBytes(StandardCharsets.UTF_8), "$LATEST", ""));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("audit").invocationType(InvocationType.EVENT));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.payload().asByteArray()).isEmpty();
	}

	@Test
	void apiErrorCarriesItsReasonAndRetryAfter() {
		start((request) -> Answer.apiError(429, "TooManyRequestsException", "Rate Exceeded.", "CallerRateLimitExceeded",
				Duration.ofSeconds(2)));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing")))
			.satisfies((ex) -> {
				assertThat(ex.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
				assertThat(ex.retryAfterSeconds()).isEqualTo("2");
				assertThat(ex.requestId()).isEqualTo(this.requests.get(0).requestId());
			});
	}

	@Test
	void noAnswerClosesTheConnection() {
		start((request) -> Answer.noAnswer());
		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing")));
		assertThat(this.requests).isNotEmpty();
	}

}

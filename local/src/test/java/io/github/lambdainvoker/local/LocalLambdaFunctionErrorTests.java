package io.github.lambdainvoker.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.lambdainvoker.local.TestHandlers.PricingHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for function errors of {@link LocalLambda}: failures of the function that Lambda
 * reports with status 200 and {@code X-Amz-Function-Error}.
 */
class LocalLambdaFunctionErrorTests extends LocalLambdaTestSupport {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	@Test
	void invokeWhenHandlerThrowsReturnsUnhandledFunctionError() {
		start(LocalLambda.builder().function("failing", new FailingHandler()));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("failing").logType(LogType.TAIL));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.executedVersion()).isEqualTo("$LATEST");
		JsonNode error = this.jsonMapper.readTree(response.payload().asByteArray());
		assertThat(error.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
		assertThat(error.get("errorMessage").asString()).isEqualTo("Pricing unavailable");
		assertThat(error.get("stackTrace").get(0).asString())
			.startsWith(FailingHandler.class.getName() + ".handleRequest(LocalLambdaFunctionErrorTests.java:");
		assertThat(error.get("stackTrace").toString()).doesNotContain("HandlerAdapter", "java.util.concurrent");
		JsonNode cause = error.get("cause");
		assertThat(cause.get("errorType").asString()).isEqualTo("java.lang.IllegalArgumentException");
		assertThat(cause.get("errorMessage").asString()).isEqualTo("Unknown currency");
		assertThat(cause.get("stackTrace").isArray()).isTrue();
		assertThat(cause.has("cause")).isFalse();
		assertThat(decodeBase64(response.logResult())).contains("\"errorMessage\":\"Pricing unavailable\"");
	}

	@Test
	void invokeWhenHandlerRunsPastTimeoutReturnsSandboxTimedOutAndInterruptsHandler() {
		CountDownLatch interrupted = new CountDownLatch(1);
		start(LocalLambda.builder().function("slow", (Object input, Context context) -> {
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return null;
		}, (function) -> function.timeout(Duration.ofMillis(300))));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("slow").logType(LogType.TAIL));
		String requestId = response.responseMetadata().requestId();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String()).isEqualTo("{\"errorType\":\"Sandbox.Timedout\","
				+ "\"errorMessage\":\"RequestId: " + requestId + " Error: Task timed out after 0.30 seconds\"}");
		assertThat(decodeBase64(response.logResult())).contains(requestId + " Task timed out after 0.30 seconds");
		TestHandlers.await(interrupted);
	}

	@Test
	void invokeWhenPayloadDoesNotBindToInputTypeReturnsJsonParsingError() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("pricing")
			.payload(TestLambdaClients.json("{\"quantity\":\"many\"}")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo("Unhandled");
		JsonNode error = this.jsonMapper.readTree(response.payload().asByteArray());
		assertThat(error.get("errorType").asString()).isEqualTo("java.lang.RuntimeException");
		assertThat(error.get("errorMessage").asString()).isEqualTo("An error occurred during JSON parsing");
		assertThat(error.get("cause").get("errorType").asString()).startsWith("tools.jackson.");
	}

	@Test
	void invokeWhenStreamHandlerThrowsCheckedExceptionReturnsItsType() {
		start(LocalLambda.builder().function("io", (input, output, context) -> {
			throw new java.io.IOException("Disk full");
		}));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("io"));
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String())
			.startsWith("{\"errorMessage\":\"Disk full\",\"errorType\":\"java.io.IOException\",\"stackTrace\":[");
	}

	static class FailingHandler implements com.amazonaws.services.lambda.runtime.RequestHandler<Object, Object> {

		@Override
		public Object handleRequest(Object input, Context context) {
			throw new IllegalStateException("Pricing unavailable", new IllegalArgumentException("Unknown currency"));
		}

	}

}

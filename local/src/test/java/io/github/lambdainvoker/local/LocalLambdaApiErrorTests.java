package io.github.lambdainvoker.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.lambdainvoker.local.TestHandlers.PricingHandler;
import io.github.lambdainvoker.local.TestHandlers.UpperCaseStreamHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for errors of the Invoke API of {@link LocalLambda}: each must reach the caller
 * as the AWS SDK exception that Lambda's response would raise.
 */
class LocalLambdaApiErrorTests extends LocalLambdaTestSupport {

	private static final int SIX_MEGABYTES = 6 * 1024 * 1024;

	@Test
	void invokeUnknownFunctionThrowsResourceNotFoundException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("billing")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:billing");
				assertThat(ex.requestId()).isNotBlank();
			});
	}

	@Test
	void invokeUnknownQualifierThrowsResourceNotFoundException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler(), (function) -> function.version("1")));
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing").qualifier("2")))
			.withMessageContaining("Function not found: arn:aws:lambda:us-east-1:123456789012:function:pricing:2");
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing:live")))
			.withMessageContaining("function:pricing:live");
	}

	@Test
	void invokeBeyondReservedConcurrencyThrowsTooManyRequestsException() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		start(LocalLambda.builder().function("busy", (Object input, Context context) -> {
			running.countDown();
			TestHandlers.await(release);
			return "done";
		}, (function) -> function.reservedConcurrency(1)));
		CompletableFuture<InvokeResponse> first = CompletableFuture
			.supplyAsync(() -> this.client.invoke((request) -> request.functionName("busy")));
		assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("busy")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(429);
				assertThat(ex.reason())
					.isEqualTo(ThrottleReason.RESERVED_FUNCTION_CONCURRENT_INVOCATION_LIMIT_EXCEEDED);
				assertThat(ex.retryAfterSeconds()).isEqualTo("1");
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
			});
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS).payload().asUtf8String()).isEqualTo("\"done\"");
		assertThat(this.client.invoke((request) -> request.functionName("busy")).statusCode()).isEqualTo(200);
	}

	@Test
	void invokeWhenReservedConcurrencyIsZeroThrowsTooManyRequestsException() {
		start(LocalLambda.builder()
			.function("off", new PricingHandler(), (function) -> function.reservedConcurrency(0)));
		assertThatExceptionOfType(TooManyRequestsException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("off")));
	}

	@Test
	void invokeWithPayloadOverSixMegabytesThrowsRequestTooLargeException() {
		start(LocalLambda.builder().function("upper", new UpperCaseStreamHandler()));
		SdkBytes payload = jsonString(SIX_MEGABYTES + 1);
		assertThatExceptionOfType(RequestTooLargeException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("upper").payload(payload)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(413))
			.withMessageContaining("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
	}

	@Test
	void invokeWithPayloadOfExactlySixMegabytesRuns() {
		start(LocalLambda.builder().function("size", (String input, Context context) -> input.length()));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("size").payload(jsonString(SIX_MEGABYTES)));
		assertThat(response.payload().asUtf8String()).isEqualTo(String.valueOf(SIX_MEGABYTES - 2));
	}

	@Test
	void invokeEventWithPayloadOverOneMegabyteThrowsRequestEntityTooLarge() {
		start(LocalLambda.builder().function("upper", new UpperCaseStreamHandler()));
		SdkBytes payload = jsonString(1024 * 1024 + 1);
		assertThatExceptionOfType(LambdaException.class)
			.isThrownBy(() -> this.client.invoke(
					(request) -> request.functionName("upper").invocationType(InvocationType.EVENT).payload(payload)))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(413);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("1048577 byte payload is too large for the Event invocation type (limit 1048576 bytes)");
			});
	}

	@Test
	void invokeWithMalformedJsonThrowsInvalidRequestContentException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		assertThatExceptionOfType(InvalidRequestContentException.class)
			.isThrownBy(() -> this.client
				.invoke((request) -> request.functionName("pricing").payload(TestLambdaClients.json("{\"sku\":"))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.withMessageStartingWith("Could not parse request body into json: Could not parse payload into json: ");
	}

	@Test
	void invokeStreamHandlerWithMalformedJsonThrowsInvalidRequestContentException() {
		start(LocalLambda.builder().function("upper", new UpperCaseStreamHandler()));
		assertThatExceptionOfType(InvalidRequestContentException.class).isThrownBy(() -> this.client
			.invoke((request) -> request.functionName("upper").payload(TestLambdaClients.json("hello"))));
		assertThatExceptionOfType(InvalidRequestContentException.class).isThrownBy(() -> this.client
			.invoke((request) -> request.functionName("upper").payload(TestLambdaClients.json("{} {}"))));
	}

	@Test
	void invokeWithClientContextThatIsNotBase64JsonThrowsInvalidRequestContentException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		String notJson = Base64.getEncoder().encodeToString("custom".getBytes());
		for (String clientContext : new String[] { "not base64!", notJson }) {
			assertThatExceptionOfType(InvalidRequestContentException.class).isThrownBy(
					() -> this.client.invoke((request) -> request.functionName("pricing").clientContext(clientContext)))
				.withMessageContaining("Client context must be a valid Base64-encoded JSON object.");
		}
	}

	@Test
	void invokeWithClientContextOverLambdasLimitThrowsInvalidParameterValueException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		String json = "{\"custom\":{\"padding\":\"" + "x".repeat(3000) + "\"}}";
		String clientContext = Base64.getEncoder().encodeToString(json.getBytes());
		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(
					() -> this.client.invoke((request) -> request.functionName("pricing").clientContext(clientContext)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
	}

	@Test
	void invokeWithQualifierThatContradictsTheNameThrowsInvalidParameterValueException() {
		start(LocalLambda.builder()
			.function("pricing", new PricingHandler(), (function) -> function.version("1").alias("live", "1")));
		assertThatExceptionOfType(InvalidParameterValueException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing:live").qualifier("1")))
			.withMessageContaining(
					"The derived qualifier from the function name does not match the specified qualifier.");
	}

	@Test
	void invokeWithMalformedFunctionNameThrowsValidationException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		assertThatExceptionOfType(LambdaException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("no spaces allowed")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
			});
		assertThatExceptionOfType(LambdaException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("f".repeat(65))))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
	}

	@Test
	void invokeWithUnknownInvocationTypeThrowsValidationException() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		assertThatExceptionOfType(LambdaException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName("pricing").invocationType("Later")))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
			.withMessageContaining("Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
	}

	@Test
	void errorResponsesUseTheRestJsonWireShape() throws Exception {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> notFound = http.send(
				HttpRequest.newBuilder(URI.create(this.lambda.endpoint() + "/2015-03-31/functions/billing/invocations"))
					.POST(HttpRequest.BodyPublishers.ofString("{}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(notFound.headers().firstValue("X-Amzn-ErrorType")).hasValue("ResourceNotFoundException");
		assertThat(notFound.headers().firstValue("X-Amzn-RequestId")).isPresent();
		assertThat(notFound.body()).isEqualTo("{\"Type\":\"User\",\"message\":\"Function not found: "
				+ "arn:aws:lambda:us-east-1:123456789012:function:billing\"}");
		HttpResponse<String> unknown = http.send(
				HttpRequest.newBuilder(URI.create(this.lambda.endpoint() + "/2015-03-31/functions")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
	}

	private static SdkBytes jsonString(int totalBytes) {
		return SdkBytes.fromUtf8String("\"" + "a".repeat(totalBytes - 2) + "\"");
	}

}

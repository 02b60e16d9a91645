package io.github.lambdainvoker.invoke;

import java.time.Duration;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wire tests for {@link DefaultLambdaInvoker}: every Invoke request member as it goes
 * over the wire, and every response member as it is read.
 */
class DefaultLambdaInvokerWireTests {

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.syncAndAsync(Duration.ofSeconds(10));

	private static final String SIGV4_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test-access-key/\\d{8}/us-east-1/lambda/aws4_request, "
			+ "SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}";

	private final JsonMapper jsonMapper = JsonMapper.shared();

	private static DefaultLambdaInvoker invoker;

	@BeforeAll
	static void createClients() {
		invoker = TestLambdaClients.invoker(wireMock.client(), wireMock.asyncClient());
	}

	@Test
	void invokeWritesPayloadAsJsonAndReadsTypedResult() {
		stubOk("{\"sku\":\"sku-1\",\"total\":42}");
		Quote quote = invoker.invoke("pricing", new QuoteRequest("sku-1", 2), Quote.class);
		assertThat(quote).isEqualTo(new Quote("sku-1", 42));
		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("POST");
		assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations");
		assertThat(request.containsHeader("X-Amz-Invocation-Type")).as("RequestResponse is Lambda's default").isFalse();
		assertThat(request.containsHeader("X-Amz-Log-Type")).isFalse();
		assertThat(request.containsHeader("X-Amz-Client-Context")).isFalse();
		assertThat(request.containsHeader("X-Amz-Tenant-Id")).isFalse();
		assertThat(request.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		assertThat(json(request.getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":2}"));
	}

	@Test
	void invokeAgainWithTheSameAndAnotherPayloadTypeSendsEachPayloadSigned() {
		stubOk("{\"sku\":\"sku-1\",\"total\":42}");
		assertThat(invoker.invoke("pricing", new QuoteRequest("sku-1", 2), Quote.class))
			.isEqualTo(new Quote("sku-1", 42));
		assertThat(invoker.invoke("pricing", new QuoteRequest("sku-2", 3), Quote.class))
			.isEqualTo(new Quote("sku-1", 42));
		assertThat(invoker.invoke("pricing", Map.of("sku", "sku-3"), Map.class)).containsEntry("total", 42);
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(3);
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations");
			assertThat(request.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		});
		assertThat(json(requests.get(0).getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":2}"));
		assertThat(json(requests.get(1).getBody())).isEqualTo(json("{\"sku\":\"sku-2\",\"quantity\":3}"));
		assertThat(json(requests.get(2).getBody())).isEqualTo(json("{\"sku\":\"sku-3\"}"));
	}

	@Test
	void invokeByNameSendsNothingButThePayload() {
		stubOk("{}");
		LambdaRequest request = LambdaRequest.of("pricing", "{}");
		assertThat(request.qualifier()).isNull();
		assertThat(request.invocationType()).isNull();
		assertThat(request.logType()).isNull();
		assertThat(request.clientContext()).isNull();
		assertThat(request.tenantId()).isNull();
		invoker.exchange(request);
		LoggedRequest sent = onlyRequest();
		assertThat(sent.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations");
		assertThat(sent.getHeaders().keys()).noneMatch((name) -> name.startsWith("X-Amz-") && !name.equals("X-Amz-Date")
				&& !name.equals("X-Amz-Content-Sha256"));
		assertThat(sent.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		assertThat(sent.getBodyAsString()).isEqualTo("{}");
	}

	@Test
	void requestOfWithoutFunctionFailsNamingIt() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> LambdaRequest.of(null, "{}"))
			.withMessage("function must not be null");
	}

	@Test
	void invokeReadsEveryMemberOfATypedResponseFromOneSignedRequest() {
		String body = "{\"sku\":\"sku-1\",\"total\":42}";
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Executed-Version", "3")
			.withHeader("x-amzn-RequestId", "req-typed")
			.withBody(body)));
		LambdaResponse<Quote> response = invoker.invoke(LambdaRequest.of("pricing", new QuoteRequest("sku-1", 2)),
				Quote.class);
		assertThat(response.payload()).isEqualTo(new Quote("sku-1", 42));
		assertThat(response.payloadBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
		assertThat(response.functionName()).isEqualTo("pricing");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.executedVersion()).isEqualTo("3");
		assertThat(response.requestId()).isEqualTo("req-typed");
		assertThat(response.functionError()).isEqualTo(FunctionError.NONE);
		assertThat(response.logTail()).isNull();
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations");
		assertThat(request.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		assertThat(json(request.getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":2}"));
	}

	@ParameterizedTest
	@CsvSource({ "pricing, /2015-03-31/functions/pricing/invocations",
			"pricing:live, /2015-03-31/functions/pricing%3Alive/invocations",
			"arn:aws:lambda:eu-west-1:123456789012:function:pricing, /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Apricing/invocations",
			"arn:aws:lambda:eu-west-1:123456789012:function:pricing:7, /2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Apricing%3A7/invocations",
			"123456789012:function:pricing, /2015-03-31/functions/123456789012%3Afunction%3Apricing/invocations",
			"123456789012:function:pricing:$LATEST, /2015-03-31/functions/123456789012%3Afunction%3Apricing%3A%24LATEST/invocations" })
	void invokeSendsEveryFunctionNameFormatEncodedInThePath(String functionName, String expectedUrl) {
		stubOk("{}");
		invoker.invoke(functionName, null, Void.class);
		assertThat(onlyRequest().getUrl()).isEqualTo(expectedUrl);
	}

	@Test
	void invokeSendsQualifierAsQueryParameter() {
		stubOk("{}");
		invoker.invoke(LambdaRequest.builder("pricing").qualifier("prod").build(), Void.class);
		LoggedRequest request = onlyRequest();
		assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations?Qualifier=prod");
		assertThat(request.queryParameter("Qualifier").firstValue()).isEqualTo("prod");
	}

	@Test
	void invokeAcceptsQualifierThatRepeatsTheInlineOne() {
		stubOk("{}");
		invoker.invoke(LambdaRequest.builder("pricing:prod").qualifier("prod").build(), Void.class);
		assertThat(onlyRequest().queryParameter("Qualifier").firstValue()).isEqualTo("prod");
	}

	@Test
	void invokeEventSendsEventTypeAndReadsAccepted() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
		LambdaResponse<Void> response = invoker.invokeEvent("audit", Map.of("action", "quoted"));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.payload()).isNull();
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		assertThat(json(request.getBody())).isEqualTo(json("{\"action\":\"quoted\"}"));
	}

	@Test
	void dryRunSendsDryRunTypeWithoutPayloadAndReadsNoContent() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
		LambdaResponse<Void> response = invoker.dryRun("pricing");
		assertThat(response.statusCode()).isEqualTo(204);
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("DryRun");
		assertThat(request.getBody()).isEmpty();
	}

	@Test
	void invokeWithTailSendsLogTypeAndDecodesLogResult() {
		String log = "START RequestId: 1\nquoted sku-1\nEND RequestId: 1\n";
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Log-Result", Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8)))
			.withHeader("X-Amz-Executed-Version", "7")
			.withHeader("x-amzn-RequestId", "req-123")
			.withBody("\"ok\"")));
		LambdaResponse<String> response = invoker.invoke(LambdaRequest.builder("pricing").logType(LogType.TAIL).build(),
				String.class);
		assertThat(onlyRequest().getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
		assertThat(response.logTail()).isEqualTo(log);
		assertThat(response.executedVersion()).isEqualTo("7");
		assertThat(response.requestId()).isEqualTo("req-123");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo(FunctionError.NONE);
		assertThat(response.payload()).isEqualTo("\"ok\"");
		assertThat(response.payloadAsString()).isEqualTo("\"ok\"");
	}

	@Test
	void invokeSendsClientContextAsBase64Json() {
		stubOk("{}");
		ClientContext context = new ClientContext(Map.of("tenant", "acme"), Map.of("platform", "jvm"),
				Map.of("app_title", "orders"));
		invoker.invoke(LambdaRequest.builder("pricing").clientContext(context).build(), Void.class);
		String header = onlyRequest().getHeader("X-Amz-Client-Context");
		assertThat(json(new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8))).isEqualTo(json(
				"{\"custom\":{\"tenant\":\"acme\"},\"env\":{\"platform\":\"jvm\"},\"client\":{\"app_title\":\"orders\"}}"));
	}

	@Test
	void invokeSendsTenantIdHeader() {
		stubOk("{}");
		invoker.invoke(LambdaRequest.builder("pricing").tenantId("tenant-42").build(), Void.class);
		assertThat(onlyRequest().getHeader("X-Amz-Tenant-Id")).isEqualTo("tenant-42");
	}

	@Test
	void invokeSendsRawBytesUnchanged() {
		byte[] bytes = { 0, 1, 2, (byte) 0xff, '{' };
		assertSentUnchanged(bytes, bytes);
	}

	@Test
	void invokeSendsStringUnchanged() {
		assertSentUnchanged("{\"already\":\"json\"}", "{\"already\":\"json\"}".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void invokeSendsInputStreamUnchanged() {
		byte[] bytes = "streamed payload".getBytes(StandardCharsets.UTF_8);
		assertSentUnchanged(new ByteArrayInputStream(bytes), bytes);
	}

	@Test
	void invokeSendsByteBufferUnchanged() {
		byte[] bytes = "buffered".getBytes(StandardCharsets.UTF_8);
		assertSentUnchanged(ByteBuffer.wrap(bytes), bytes);
	}

	@Test
	void invokeReadsGenericResultType() {
		stubOk("[{\"sku\":\"a\",\"total\":1},{\"sku\":\"b\",\"total\":2}]");
		List<Quote> quotes = invoker.invoke("pricing", null, new ParameterizedTypeReference<List<Quote>>() {
		});
		assertThat(quotes).containsExactly(new Quote("a", 1), new Quote("b", 2));
	}

	@Test
	void invokeReadsRawResultTypes() throws Exception {
		stubOk("{\"raw\":true}");
		assertThat(invoker.invoke("pricing", null, byte[].class))
			.isEqualTo("{\"raw\":true}".getBytes(StandardCharsets.UTF_8));
		try (InputStream stream = invoker.invoke("pricing", null, InputStream.class)) {
			assertThat(stream.readAllBytes()).isEqualTo("{\"raw\":true}".getBytes(StandardCharsets.UTF_8));
		}
		assertThat(invoker.invoke("pricing", null, String.class)).isEqualTo("{\"raw\":true}");
	}

	@Test
	void invokeReturnsNullForEmptyOrNullPayload() {
		stubOk("null");
		assertThat(invoker.invoke("pricing", null, Quote.class)).isNull();
		wireMock.resetAll();
		stubOk("");
		assertThat(invoker.invoke("pricing", null, Quote.class)).isNull();
	}

	@Test
	void invokeWhenFunctionErrorIsUnhandledThrowsLambdaFunctionException() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withHeader("X-Amz-Executed-Version", "3")
			.withBody("{\"errorMessage\":\"out of stock\",\"errorType\":\"java.lang.IllegalStateException\","
					+ "\"stackTrace\":[\"com.example.Handler.handle(Handler.java:10)\"],"
					+ "\"cause\":{\"errorMessage\":\"db down\",\"errorType\":\"java.sql.SQLException\","
					+ "\"stackTrace\":[]}}")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.satisfies((ex) -> {
				assertThat(ex.getFunctionName()).isEqualTo("pricing");
				assertThat(ex.getFunctionError()).isEqualTo(FunctionError.UNHANDLED);
				assertThat(ex.isUnhandled()).isTrue();
				assertThat(ex.isTimeout()).isFalse();
				assertThat(ex.getErrorType()).isEqualTo("java.lang.IllegalStateException");
				assertThat(ex.getErrorMessage()).isEqualTo("out of stock");
				assertThat(ex.getRemoteStackTrace()).containsExactly("com.example.Handler.handle(Handler.java:10)");
				assertThat(ex.getErrorDocument().cause().errorType()).isEqualTo("java.sql.SQLException");
				assertThat(ex.getErrorDocument().cause().errorMessage()).isEqualTo("db down");
				assertThat(ex.getResponse().executedVersion()).isEqualTo("3");
				assertThat(ex).hasMessage(
						"Function 'pricing' failed (Unhandled): java.lang.IllegalStateException: " + "out of stock");
			});
	}

	@Test
	void invokeWhenFunctionErrorIsHandledReportsHandled() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Handled")
			.withBody(
					"{\"errorMessage\":\"bad sku\",\"errorType\":\"ValidationError\",\"trace\":[\"at a\",\"at b\"]}")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.satisfies((ex) -> {
				assertThat(ex.getFunctionError()).isEqualTo(FunctionError.HANDLED);
				assertThat(ex.getRemoteStackTrace()).containsExactly("at a", "at b");
			});
	}

	@Test
	void invokeWhenFunctionTimesOutReportsTimeout() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: 1 Error: Task timed out "
					+ "after 3.00 seconds\"}")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.satisfies((ex) -> {
				assertThat(ex.isTimeout()).isTrue();
				assertThat(ex).hasMessageStartingWith("Function 'pricing' timed out (Unhandled)");
			});
	}

	@Test
	void invokeWhenFunctionErrorIsNotJsonKeepsTheText() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("Runtime exited")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.satisfies((ex) -> assertThat(ex.getErrorMessage()).isEqualTo("Runtime exited"));
	}

	@Test
	void invokeWithPythonStyleStackTraceJoinsFrames() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"KeyError\",\"errorMessage\":\"'sku'\","
					+ "\"stackTrace\":[[\"/var/task/app.py\",3,\"handler\",\"event['sku']\"]]}")));
		assertThatExceptionOfType(LambdaFunctionException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.satisfies((ex) -> assertThat(ex.getRemoteStackTrace())
				.containsExactly("/var/task/app.py, 3, handler, event['sku']"));
	}

	@Test
	void exchangeReturnsFunctionErrorWithoutThrowing() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"Boom\",\"errorMessage\":\"boom\"}")));
		LambdaResponse<byte[]> response = invoker.exchange(LambdaRequest.of("pricing", null));
		assertThat(response.functionError()).isEqualTo(FunctionError.UNHANDLED);
		assertThat(response.hasFunctionError()).isTrue();
		assertThat(response.payloadAsString()).isEqualTo("{\"errorType\":\"Boom\",\"errorMessage\":\"boom\"}");
	}

	@Test
	void invokeWhenResponseCannotBeReadNamesFunctionAndPayloadStart() {
		stubOk("{\"sku\": [not json");
		assertThatExceptionOfType(LambdaPayloadException.class)
			.isThrownBy(() -> invoker.invoke("pricing", null, Quote.class))
			.withMessageContaining("Response of function 'pricing' cannot be read")
			.withMessageContaining("payload starts with: '{\"sku\": [not json'");
	}

	@Test
	void invokeAsyncUsesAsyncClientAndReadsResult() {
		stubOk("{\"sku\":\"sku-1\",\"total\":7}");
		CompletableFuture<Quote> future = invoker.invokeAsync("pricing", new QuoteRequest("sku-1", 1), Quote.class);
		assertThat(future.join()).isEqualTo(new Quote("sku-1", 7));
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("User-Agent")).contains("md/io#async");
		assertThat(json(request.getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":1}"));
	}

	@Test
	void invokeAsyncWhenFunctionFailsCompletesExceptionally() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Unhandled")
			.withBody("{\"errorType\":\"Boom\",\"errorMessage\":\"boom\"}")));
		CompletableFuture<LambdaResponse<Quote>> future = invoker.invokeAsync(LambdaRequest.of("pricing", null),
				Quote.class);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.havingCause()
			.isInstanceOf(LambdaFunctionException.class);
	}

	@Test
	void invokeAsyncWhenApiFailsCompletesWithTranslatedException() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
			.withBody("{\"Type\":\"User\",\"Message\":\"Function not found\"}")));
		CompletableFuture<LambdaResponse<Quote>> future = invoker.invokeAsync(LambdaRequest.of("pricing", null),
				Quote.class);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(future::join)
			.havingCause()
			.isInstanceOf(LambdaFunctionNotFoundException.class);
	}

	@Test
	void invokeAsyncWhenRequestIsInvalidFailsWithoutSending() {
		CompletableFuture<LambdaResponse<Quote>> future = invoker.invokeAsync(LambdaRequest.of("not a name", null),
				Quote.class);
		assertThat(future).isCompletedExceptionally();
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void invokeAsyncWithoutAsyncClientRunsSyncClientOnExecutor() {
		stubOk("{\"sku\":\"sku-1\",\"total\":9}");
		DefaultLambdaInvoker syncOnly = TestLambdaClients.invoker(wireMock.client());
		assertThat(syncOnly.invokeAsync("pricing", null, Quote.class).join()).isEqualTo(new Quote("sku-1", 9));
		assertThat(onlyRequest().getHeader("User-Agent")).doesNotContain("md/io#async");
	}

	@Test
	void preparedCallSendsTheValuesOfItsTemplateWithEachPayload() {
		stubOk("{\"sku\":\"sku-1\",\"total\":42}");
		LambdaRequest template = LambdaRequest.builder("pricing")
			.qualifier("live")
			.logType(LogType.TAIL)
			.tenantId("tenant-1")
			.build();
		PreparedCall<Quote> call = invoker.prepare(template, FunctionOptions.NONE, Quote.class);
		assertThat(call.call(new QuoteRequest("sku-1", 2))).isEqualTo(new Quote("sku-1", 42));
		assertThat(call.call(new QuoteRequest("sku-2", 3))).isEqualTo(new Quote("sku-1", 42));
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(2).allSatisfy((request) -> {
			assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing/invocations?Qualifier=live");
			assertThat(request.getHeader("X-Amz-Log-Type")).isEqualTo("Tail");
			assertThat(request.getHeader("X-Amz-Tenant-Id")).isEqualTo("tenant-1");
			assertThat(request.containsHeader("X-Amz-Invocation-Type")).isFalse();
			assertThat(request.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		});
		assertThat(json(requests.get(0).getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":2}"));
		assertThat(json(requests.get(1).getBody())).isEqualTo(json("{\"sku\":\"sku-2\",\"quantity\":3}"));
	}

	@Test
	void preparedCallOfAnEventSendsItsTypeAndReturnsNoPayload() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
		PreparedCall<Void> call = invoker.prepare(LambdaRequest.of("audit", null),
				new FunctionOptions(null, InvocationType.EVENT, null), Void.class);
		assertThat(call.invocationType()).isEqualTo(InvocationType.EVENT);
		assertThat(call.call(new QuoteRequest("sku-1", 2))).isNull();
		LoggedRequest request = onlyRequest();
		assertThat(request.getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		assertThat(json(request.getBody())).isEqualTo(json("{\"sku\":\"sku-1\",\"quantity\":2}"));
	}

	@Test
	void preparedCallWithAFunctionErrorThrowsItWithTheResponse() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
			.withHeader("X-Amz-Function-Error", "Handled")
			.withHeader("X-Amz-Executed-Version", "7")
			.withBody("{\"errorMessage\":\"no such sku\",\"errorType\":\"NotFound\"}")));
		PreparedCall<Quote> call = invoker.prepare(LambdaRequest.of("pricing", null), FunctionOptions.NONE,
				Quote.class);
		assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(() -> call.call("{}")).satisfies((ex) -> {
			assertThat(ex.getFunctionError()).isEqualTo(FunctionError.HANDLED);
			assertThat(ex.getErrorType()).isEqualTo("NotFound");
			assertThat(ex.getResponse().executedVersion()).isEqualTo("7");
			assertThat(ex.getResponse().payloadAsString()).contains("no such sku");
		});
	}

	@Test
	void preparedCallWithATooLargePayloadSendsNothing() {
		PreparedCall<Quote> call = invoker.prepare(LambdaRequest.of("pricing", null), FunctionOptions.NONE,
				Quote.class);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> call.call(new byte[6 * 1024 * 1024 + 1]))
			.withMessageContaining("Payload for function 'pricing' is 6291457 bytes");
		assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void preparedCallNamesItsFunctionAndQualifierInTheFailuresOfEveryCall() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("X-Amzn-ErrorType", "ResourceNotFoundException")
			.withBody("{\"Type\":\"User\",\"Message\":\"Function not found\"}")));
		PreparedCall<Quote> call = invoker.prepare(LambdaRequest.builder("pricing").qualifier("live").build(),
				FunctionOptions.NONE, Quote.class);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(LambdaFunctionNotFoundException.class).isThrownBy(() -> call.call("{}"))
				.satisfies((ex) -> {
					assertThat(ex.getFunctionName()).isEqualTo("pricing");
					assertThat(ex.getQualifier()).isEqualTo("live");
				});
		}
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("[1, 2]")));
		assertThatExceptionOfType(LambdaPayloadException.class).isThrownBy(() -> call.call("{}"))
			.withMessageStartingWith("Response of function 'pricing' cannot be read")
			.satisfies((ex) -> assertThat(ex.getQualifier()).isEqualTo("live"));
		assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).hasSize(3)
			.allSatisfy((request) -> assertThat(request.getUrl())
				.isEqualTo("/2015-03-31/functions/pricing/invocations?Qualifier=live"));
	}

	@Test
	void bulkheadIsLeftOutOfTheCallsOfAFunctionItDoesNotLimit() {
		stubOk("{\"sku\":\"sku-1\",\"total\":42}");
		OneFunctionBulkhead bulkhead = new OneFunctionBulkhead("pricing");
		DefaultLambdaInvoker limited = DefaultLambdaInvoker.builder(wireMock.client()).bulkhead(bulkhead).build();
		QuoteRequest request = new QuoteRequest("sku-1", 2);
		assertThat(
				limited.prepare(LambdaRequest.of("inventory", null), FunctionOptions.NONE, Quote.class).call(request))
			.isEqualTo(new Quote("sku-1", 42));
		assertThat(limited.invoke("inventory", request, Quote.class)).isEqualTo(new Quote("sku-1", 42));
		assertThat(bulkhead.executed).isEmpty();
		assertThat(limited.prepare(LambdaRequest.of("pricing", null), FunctionOptions.NONE, Quote.class).call(request))
			.isEqualTo(new Quote("sku-1", 42));
		assertThat(limited.invoke("pricing", request, Quote.class)).isEqualTo(new Quote("sku-1", 42));
		assertThat(bulkhead.executed).containsExactly("pricing", "pricing");
		assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).hasSize(4);
	}

	@Test
	void bulkheadThatDoesNotSayWhatItLimitsRunsEveryCall() {
		stubOk("{\"sku\":\"sku-1\",\"total\":42}");
		RecordingBulkhead bulkhead = new RecordingBulkhead();
		DefaultLambdaInvoker invoker = DefaultLambdaInvoker.builder(wireMock.client()).bulkhead(bulkhead).build();
		invoker.prepare(LambdaRequest.of("inventory", null), FunctionOptions.NONE, Quote.class).call("{}");
		invoker.invoke("pricing", "{}", Quote.class);
		invoker.invoke(LambdaRequest.of("orders", "{}"), Quote.class);
		assertThat(bulkhead.executed).containsExactly("inventory", "pricing", "orders");
	}

	@Test
	void bulkheadNoneLimitsNoFunction() {
		assertThat(Bulkhead.NONE.limits(ResolvedFunction.of("pricing", FunctionOptions.NONE))).isFalse();
	}

	private void assertSentUnchanged(Object payload, byte[] expected) {
		stubOk("{}");
		invoker.invoke("pricing", payload, Void.class);
		assertThat(onlyRequest().getBody()).isEqualTo(expected);
	}

	private void stubOk(String body) {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody(body)));
	}

	private LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = wireMock
			.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private JsonNode json(String text) {
		return this.jsonMapper.readTree(text);
	}

	private JsonNode json(byte[] bytes) {
		return this.jsonMapper.readTree(bytes);
	}

	record QuoteRequest(String sku, int quantity) {
	}

	record Quote(String sku, int total) {
	}

	/**
	 * Records the calls it is handed, keeping the default of {@link Bulkhead#limits}.
	 */
	private static class RecordingBulkhead implements Bulkhead {

		final List<String> executed = new CopyOnWriteArrayList<>();

		@Override
		public <R> R execute(PreparedInvocation invocation, Supplier<R> call) {
			this.executed.add(invocation.functionKey());
			return call.get();
		}

		@Override
		public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
				Supplier<CompletableFuture<R>> call) {
			this.executed.add(invocation.functionKey());
			return call.get();
		}

	}

	/**
	 * Limits (and records the calls of) one function only.
	 */
	private static final class OneFunctionBulkhead extends RecordingBulkhead {

		private final String limitedKey;

		OneFunctionBulkhead(String limitedKey) {
			this.limitedKey = limitedKey;
		}

		@Override
		public boolean limits(ResolvedFunction function) {
			return function.key().equals(this.limitedKey);
		}

	}

}

package io.github.lambdainvoker.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.local.TestHandlers.PricingHandler;
import io.github.lambdainvoker.local.TestHandlers.Quote;
import io.github.lambdainvoker.local.TestHandlers.UpperCaseStreamHandler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code RequestResponse} invocations of {@link LocalLambda} through the AWS
 * SDK.
 */
class LocalLambdaRequestResponseTests extends LocalLambdaTestSupport {

	@Test
	void invokeWhenPojoHandlerReturnsOutputAsJson() {
		start(LocalLambda.builder().function("pricing", new PricingHandler()));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("pricing")
			.payload(TestLambdaClients.json("{\"sku\":\"A-1\",\"quantity\":3}")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isNull();
		assertThat(response.executedVersion()).isEqualTo("$LATEST");
		assertThat(response.payload().asUtf8String()).isEqualTo("{\"sku\":\"A-1\",\"cents\":750}");
		assertThat(response.responseMetadata().requestId()).isNotBlank();
		assertThat(response.sdkHttpResponse().firstMatchingHeader("Content-Type")).hasValue("application/json");
	}

	@Test
	void invokeWhenStreamHandlerReturnsWhatItWrote() {
		start(LocalLambda.builder().function("upper", new UpperCaseStreamHandler()));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("upper").payload(TestLambdaClients.json("\"hello\"")));
		assertThat(response.payload().asUtf8String()).isEqualTo("\"HELLO\"");
	}

	@Test
	void invokeWhenPojoHandlerReturnsNullReturnsJsonNull() {
		start(LocalLambda.builder().function("nothing", (input, context) -> null));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("nothing"));
		assertThat(response.payload().asUtf8String()).isEqualTo("null");
	}

	@Test
	void invokeWithoutPayloadGivesHandlerAnEmptyObject() {
		AtomicReference<Object> input = new AtomicReference<>();
		start(LocalLambda.builder().function("empty", (event, context) -> {
			input.set(event);
			return "ok";
		}));
		this.client.invoke((request) -> request.functionName("empty"));
		assertThat(input.get()).isEqualTo(Map.of());
	}

	@Test
	void invokeWhenHandlerIsLambdaReadsInputAsConfiguredInputType() {
		AtomicReference<Object> input = new AtomicReference<>();
		RequestHandler<Quote, String> handler = (quote, context) -> {
			input.set(quote);
			return quote.sku();
		};
		start(LocalLambda.builder().function("quote", handler, (function) -> function.inputType(Quote.class)));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("quote")
			.payload(TestLambdaClients.json("{\"sku\":\"B-2\",\"quantity\":1,\"unknown\":true}")));
		assertThat(input.get()).isEqualTo(new Quote("B-2", 1));
		assertThat(response.payload().asUtf8String()).isEqualTo("\"B-2\"");
	}

	@Test
	void invokeGivesHandlerTheContextLambdaWould() {
		AtomicReference<List<Object>> seen = new AtomicReference<>();
		start(LocalLambda.builder().function("context", (Object input, Context context) -> {
			seen.set(List.of(context.getAwsRequestId(), context.getFunctionName(), context.getFunctionVersion(),
					context.getInvokedFunctionArn(), context.getMemoryLimitInMB(), context.getRemainingTimeInMillis(),
					context.getLogGroupName(), context.getLogStreamName()));
			return null;
		}, (function) -> function.timeout(Duration.ofSeconds(10)).memorySize(512)));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("context"));
		List<Object> context = seen.get();
		assertThat(context.get(0)).isEqualTo(response.responseMetadata().requestId());
		assertThat(context.subList(1, 5)).containsExactly("context", "$LATEST",
				"arn:aws:lambda:us-east-1:123456789012:function:context", 512);
		assertThat((int) context.get(5)).isBetween(1, 10_000);
		assertThat(context.get(6)).isEqualTo("/aws/lambda/context");
		assertThat((String) context.get(7)).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST][0-9a-f]{32}");
	}

	@Test
	void remainingTimeCountsDownTowardsTheTimeout() {
		AtomicReference<int[]> remaining = new AtomicReference<>();
		start(LocalLambda.builder().function("countdown", (Object input, Context context) -> {
			int before = context.getRemainingTimeInMillis();
			Awaitility.await()
				.atMost(Duration.ofSeconds(1))
				.until(() -> context.getRemainingTimeInMillis() < before - 20);
			remaining.set(new int[] { before, context.getRemainingTimeInMillis() });
			return null;
		}, (function) -> function.timeout(Duration.ofSeconds(2))));
		this.client.invoke((request) -> request.functionName("countdown"));
		assertThat(remaining.get()[0]).isLessThanOrEqualTo(2000);
		assertThat(remaining.get()[1]).isLessThan(remaining.get()[0] - 20);
	}

	@Test
	void invokeWithClientContextGivesItToHandler() {
		AtomicReference<ClientContext> seen = new AtomicReference<>();
		start(LocalLambda.builder().function("mobile", (Object input, Context context) -> {
			seen.set(context.getClientContext());
			return null;
		}));
		String json = "{\"custom\":{\"tenant\":\"acme\",\"retries\":3},\"env\":{\"locale\":\"en-GB\"},"
				+ "\"client\":{\"installation_id\":\"i-1\",\"app_title\":\"Shop\",\"app_version_name\":\"1.2\","
				+ "\"app_version_code\":\"12\",\"app_package_name\":\"com.example.shop\"}}";
		this.client.invoke((request) -> request.functionName("mobile")
			.clientContext(Base64.getEncoder().encodeToString(json.getBytes())));
		ClientContext clientContext = seen.get();
		assertThat(clientContext.getCustom()).containsExactly(Map.entry("tenant", "acme"), Map.entry("retries", "3"));
		assertThat(clientContext.getEnvironment()).containsExactly(Map.entry("locale", "en-GB"));
		assertThat(clientContext.getClient().getInstallationId()).isEqualTo("i-1");
		assertThat(clientContext.getClient().getAppTitle()).isEqualTo("Shop");
		assertThat(clientContext.getClient().getAppVersionName()).isEqualTo("1.2");
		assertThat(clientContext.getClient().getAppVersionCode()).isEqualTo("12");
		assertThat(clientContext.getClient().getAppPackageName()).isEqualTo("com.example.shop");
	}

	@Test
	void invokeWithoutClientContextGivesHandlerNone() {
		AtomicReference<Object> seen = new AtomicReference<>("unset");
		start(LocalLambda.builder().function("plain", (Object input, Context context) -> {
			seen.set(context.getClientContext());
			return null;
		}));
		this.client.invoke((request) -> request.functionName("plain"));
		assertThat(seen.get()).isNull();
	}

	@Test
	void invokeWithTenantIdGivesItToHandler() {
		AtomicReference<String> seen = new AtomicReference<>();
		start(LocalLambda.builder().function("tenants", (Object input, Context context) -> {
			seen.set(context.getTenantId());
			return null;
		}));
		this.client.invoke((request) -> request.functionName("tenants").tenantId("acme"));
		assertThat(seen.get()).isEqualTo("acme");
	}

	@Test
	void invokeWithLogTypeTailReturnsWhatHandlerLoggedAndPrinted() {
		start(LocalLambda.builder().function("chatty", (Object input, Context context) -> {
			context.getLogger().log("through the logger");
			System.out.println("through System.out");
			System.err.println("through System.err");
			return null;
		}));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("chatty").logType(LogType.TAIL));
		String requestId = response.responseMetadata().requestId();
		assertThat(decodeBase64(response.logResult())).startsWith("START RequestId: " + requestId
				+ " Version: $LATEST\n" + "through the logger\nthrough System.out\nthrough System.err\nEND RequestId: "
				+ requestId + "\n" + "REPORT RequestId: " + requestId + "\tDuration: ");
	}

	@Test
	void invokeWithLogTypeTailReturnsLastFourKilobytesOfLog() {
		String line = "x".repeat(99) + "\n";
		start(LocalLambda.builder().function("verbose", (Object input, Context context) -> {
			for (int i = 0; i < 50; i++) {
				context.getLogger().log(i + line);
			}
			return null;
		}));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("verbose").logType(LogType.TAIL));
		byte[] tail = Base64.getDecoder().decode(response.logResult());
		assertThat(tail).hasSize(4096);
		assertThat(new String(tail)).contains("49" + line + "END RequestId: ").doesNotContain("START");
	}

	@Test
	void invokeWithoutLogTypeReturnsNoLog() {
		start(LocalLambda.builder().function("quiet", (Object input, Context context) -> {
			context.getLogger().log("hidden");
			return null;
		}));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("quiet"));
		assertThat(response.logResult()).isNull();
	}

	@Test
	void concurrentInvocationsEachCaptureTheirOwnOutput() throws Exception {
		CountDownLatch bothRunning = new CountDownLatch(2);
		start(LocalLambda.builder().function("echo", (String name, Context context) -> {
			System.out.println("before " + name);
			bothRunning.countDown();
			TestHandlers.await(bothRunning);
			System.out.println("after " + name);
			return name;
		}));
		// One caller thread per call: the default async pool may run only one at a time
		// (the common pool's parallelism is 1 on a machine with 2 CPUs)
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			List<Future<InvokeResponse>> calls = new ArrayList<>();
			for (String name : List.of("first", "second")) {
				calls.add(callers.submit(() -> this.client.invoke((request) -> request.functionName("echo")
					.logType(LogType.TAIL)
					.payload(SdkBytes.fromUtf8String("\"" + name + "\"")))));
			}
			for (Future<InvokeResponse> call : calls) {
				InvokeResponse response = call.get(10, TimeUnit.SECONDS);
				assertThat(response.functionError()).isNull();
				String name = response.payload().asUtf8String().replace("\"", "");
				String other = name.equals("first") ? "second" : "first";
				assertThat(decodeBase64(response.logResult())).contains("before " + name + "\nafter " + name + "\n")
					.doesNotContain(other);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	void invokeWhenResponseIsOverSixMegabytesReturnsFunctionError() {
		start(LocalLambda.builder().function("huge", (input, context) -> "x".repeat(6 * 1024 * 1024 + 100)));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("huge"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.functionError()).isEqualTo("Unhandled");
		assertThat(response.payload().asUtf8String()).contains("\"errorType\":\"Function.ResponseSizeTooLarge\"");
	}

}

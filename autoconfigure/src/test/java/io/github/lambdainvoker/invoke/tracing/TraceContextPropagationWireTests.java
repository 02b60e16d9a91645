package io.github.lambdainvoker.invoke.tracing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.RetryExecutor;
import io.github.lambdainvoker.invoke.TestLambdaClients;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire tests for the trace context that synchronous calls carry in their client context,
 * read back from the {@code X-Amz-Client-Context} header WireMock received.
 */
@ExtendWith(OutputCaptureExtension.class)
class TraceContextPropagationWireTests {

	private static final String TRACE_STATE = "vendor=" + "s".repeat(300);

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static LambdaClient client;

	private static DefaultLambdaInvoker invoker;

	private static final SimpleTracer tracer = new SimpleTracer();

	private final Logger encoderLogger = (Logger) LoggerFactory
		.getLogger("io.github.lambdainvoker.invoke.ClientContextEncoder");

	@BeforeAll
	static void createInvoker() {
		client = TestLambdaClients.sync(wireMock.baseUrl());
		Executor direct = Runnable::run;
		invoker = DefaultLambdaInvoker.builder(client)
			.asyncExecutor(direct)
			.clientContextContributor(new TraceContextClientContextContributor(tracer, new W3cPropagator()))
			.build();
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@AfterEach
	void resetLogLevel() {
		this.encoderLogger.setLevel(null);
	}

	@Test
	void invokeWithCurrentSpanAddsTraceContextToCustomValues() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		Span span = tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			invoker.invoke(LambdaRequest.builder("pricing")
				.clientContext(ClientContext.ofCustom(Map.of("tenant", "acme")))
				.build(), Void.class);
		}
		finally {
			span.end();
		}
		Map<String, Map<String, String>> sent = sentClientContext();
		assertThat(sent).containsOnlyKeys("custom");
		assertThat(sent.get("custom")).containsExactly(Map.entry("tenant", "acme"),
				Map.entry("traceparent", traceparent(span.context())), Map.entry("tracestate", TRACE_STATE));
	}

	@Test
	void invokeWithoutCurrentSpanSendsNoClientContext() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		invoker.invoke("pricing", null, Void.class);
		assertThat(onlyRequest().containsHeader("X-Amz-Client-Context")).isFalse();
	}

	@Test
	void invokeKeepsUserValuesForTraceKeys() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		Span span = tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			invoker.invoke(LambdaRequest.builder("pricing")
				.clientContext(ClientContext.ofCustom(Map.of("traceparent", "mine")))
				.build(), Void.class);
		}
		finally {
			span.end();
		}
		assertThat(sentClientContext().get("custom")).containsExactly(Map.entry("traceparent", "mine"),
				Map.entry("tracestate", TRACE_STATE));
	}

	@Test
	void invokeDropsTraceValuesThatWouldExceedTheLimitAndSaysSoAtDebug(CapturedOutput output) {
		this.encoderLogger.setLevel(Level.DEBUG);
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		// {"custom":{"pad":"..."}} is 21 bytes plus the padding; the limit allows 2,687
		// JSON
		// bytes: room for traceparent (72 more) but not for tracestate.
		String padding = "p".repeat(2687 - 21 - 72 - 50);
		Span span = tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			invoker.invoke(LambdaRequest.builder("pricing")
				.clientContext(ClientContext.ofCustom(Map.of("pad", padding)))
				.build(), Void.class);
		}
		finally {
			span.end();
		}
		String header = onlyRequest().getHeader("X-Amz-Client-Context");
		assertThat(header).hasSizeLessThanOrEqualTo(3583);
		assertThat(sentClientContext().get("custom")).containsExactly(Map.entry("pad", padding),
				Map.entry("traceparent", traceparent(span.context())));
		assertThat(output)
			.contains("Client context of function 'pricing' dropped contributed custom values " + "[tracestate]")
			.contains("Lambda allows at most 3583")
			.doesNotContain(TRACE_STATE);
	}

	@Test
	void invokeDropsAllTraceValuesWhenNoneFit() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
		String padding = "p".repeat(2687 - 21 - 10);
		Span span = tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			invoker.invoke(LambdaRequest.builder("pricing")
				.clientContext(ClientContext.ofCustom(Map.of("pad", padding)))
				.build(), Void.class);
		}
		finally {
			span.end();
		}
		assertThat(sentClientContext().get("custom")).containsOnlyKeys("pad");
	}

	@Test
	void invokeEventDoesNotSendTraceContext() {
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(202)));
		Span span = tracer.nextSpan().name("checkout").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			invoker.invoke(LambdaRequest.builder("audit").invocationType(InvocationType.EVENT).build(), Void.class);
		}
		finally {
			span.end();
		}
		assertThat(onlyRequest().containsHeader("X-Amz-Client-Context")).isFalse();
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = wireMock
			.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static Map<String, Map<String, String>> sentClientContext() {
		String json = TestLambdaClients.decodeClientContext(onlyRequest().getHeader("X-Amz-Client-Context"));
		return JsonMapper.shared().readValue(json, new TypeReference<>() {
		});
	}

	private static String traceparent(TraceContext context) {
		return "00-" + context.traceId() + "-" + context.spanId() + "-01";
	}

	/**
	 * The W3C propagator's injection, for the simple tracer, which has none.
	 */
	static final class W3cPropagator implements Propagator {

		@Override
		public List<String> fields() {
			return List.of("traceparent", "tracestate");
		}

		@Override
		public <C> void inject(TraceContext context, @Nullable C carrier, Setter<C> setter) {
			setter.set(carrier, "traceparent", traceparent(context));
			setter.set(carrier, "tracestate", TRACE_STATE);
		}

		@Override
		public <C> Span.Builder extract(C carrier, Getter<C> getter) {
			throw new UnsupportedOperationException();
		}

	}

}

package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SDK v2 contenders, on one transport, with the same order sent and received by every
 * contender:
 * <ul>
 * <li>{@code rawSdkDefaults}: {@code LambdaClient.invoke} with Jackson written by hand,
 * on an SDK client with the SDK's defaults;</li>
 * <li>{@code rawSdkTuned}: the same hand-written call on the starter's own
 * {@code LambdaClient} bean, so with the SDK settings the starter applies: the floor that
 * the starter's overhead is measured against;</li>
 * <li>{@code invoker}: {@code LambdaInvoker.invoke(function, payload, type)};</li>
 * <li>{@code client}: a {@code @LambdaClient} proxy method;</li>
 * <li>{@code clientWithRetryAndMetrics}: the same proxy with the starter's default retry
 * enabled and a meter and observation registry in the context.</li>
 * </ul>
 * {@code client} and {@code invoker} run with retry disabled, so that each contender adds
 * one thing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class InvokeBenchmark {

	@Param({ "SMALL", "MEDIUM", "LARGE" })
	public PayloadSize payload;

	private final ObjectWriter writer = JsonMapper.shared().writerFor(Order.class);

	private final ObjectReader reader = JsonMapper.shared().readerFor(Order.class);

	protected CannedResponses responses;

	private Order order;

	private String functionName;

	private LambdaClient sdkDefaults;

	private ConfigurableApplicationContext plainContext;

	private ConfigurableApplicationContext fullContext;

	private LambdaClient sdkTuned;

	private LambdaInvoker invoker;

	private OrderFunctions client;

	private OrderFunctions clientWithRetryAndMetrics;

	/**
	 * Open the transport and return its endpoint.
	 * @return the endpoint
	 * @throws Exception if the transport cannot be opened
	 */
	protected abstract URI openTransport() throws Exception;

	/**
	 * Return the HTTP client that replaces the default ones, or {@code null} to use
	 * Apache HttpClient 5.
	 * @return the HTTP client
	 */
	protected abstract @Nullable SdkHttpClient httpClient();

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.responses = new CannedResponses();
		this.order = this.responses.order(this.payload);
		this.functionName = this.payload.functionName();
		URI endpoint = openTransport();
		this.sdkDefaults = SdkClients.sdkV2Defaults(endpoint, httpClient());
		this.plainContext = StarterApplication.start(endpoint, httpClient(), false, false);
		this.fullContext = StarterApplication.start(endpoint, httpClient(), true, true);
		this.sdkTuned = this.plainContext.getBean(LambdaClient.class);
		this.invoker = this.plainContext.getBean(LambdaInvoker.class);
		this.client = this.plainContext.getBean(OrderFunctions.class);
		this.clientWithRetryAndMetrics = this.fullContext.getBean(OrderFunctions.class);
		check(rawSdkDefaults());
		check(rawSdkTuned());
		check(invoker());
		check(client());
		check(clientWithRetryAndMetrics());
		checkOtherContenders();
	}

	/**
	 * Check that the contenders of a subclass answer with the order sent.
	 */
	protected void checkOtherContenders() {
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.sdkDefaults.close();
		this.plainContext.close();
		this.fullContext.close();
		closeTransport();
	}

	/**
	 * Close the transport.
	 * @throws Exception if the transport cannot be closed
	 */
	protected void closeTransport() throws Exception {
	}

	protected final Order order() {
		return this.order;
	}

	protected final void check(Order result) {
		if (!this.order.equals(result)) {
			throw new IllegalStateException("Unexpected result for " + this.payload + ": " + result);
		}
	}

	@Benchmark
	public Order rawSdkDefaults() {
		return rawInvoke(this.sdkDefaults);
	}

	@Benchmark
	public Order rawSdkTuned() {
		return rawInvoke(this.sdkTuned);
	}

	@Benchmark
	public Order invoker() {
		return this.invoker.invoke(this.functionName, this.order, Order.class);
	}

	@Benchmark
	public Order client() {
		return call(this.client);
	}

	@Benchmark
	public Order clientWithRetryAndMetrics() {
		return call(this.clientWithRetryAndMetrics);
	}

	private Order call(OrderFunctions functions) {
		return switch (this.payload) {
			case SMALL -> functions.small(this.order);
			case MEDIUM -> functions.medium(this.order);
			case LARGE -> functions.large(this.order);
		};
	}

	// What a careful user writes by hand: reused reader and writer, no copies of the
	// payload, and a check for function errors.
	private Order rawInvoke(LambdaClient lambda) {
		InvokeRequest request = InvokeRequest.builder()
			.functionName(this.functionName)
			.payload(SdkBytes.fromByteArrayUnsafe(this.writer.writeValueAsBytes(this.order)))
			.build();
		InvokeResponse response = lambda.invoke(request);
		if (response.functionError() != null) {
			throw new IllegalStateException("Function failed: " + response.payload().asUtf8String());
		}
		return this.reader.readValue(response.payload().asByteArrayUnsafe());
	}

}

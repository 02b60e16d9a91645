package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.concurrent.TimeUnit;

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
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The {@link Contenders.Set#HEADLINE headline contenders} under JMH, on one transport:
 * for throughput with many threads ({@code -t 64 -bm thrpt}), where the per-thread
 * {@link CallerCostBenchmark} cannot look. Per-call cost on one thread is the caller
 * benchmark's job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
// With 64 callers on a small machine, the JIT compiler needs a minute or more to compile
// both sides of the call: throughput climbs about fourfold over that time.
@Warmup(iterations = 12, time = 10)
@Measurement(iterations = 5, time = 2)
public abstract class InvokeBenchmark {

	@Param({ "SMALL", "MEDIUM", "LARGE" })
	public PayloadSize payload = PayloadSize.SMALL;

	private Transport transport;

	private Contenders contenders;

	private Contender raw;

	private Contender rawSdkDefaults;

	private Contender invoker;

	private Contender client;

	private Contender clientNoRetry;

	private Contender clientObserved;

	private Contender sdkV1;

	/**
	 * Open the transport the contenders call.
	 * @param responses the canned responses to answer with
	 * @return the transport
	 * @throws Exception if the transport cannot be opened
	 */
	protected abstract Transport openTransport(CannedResponses responses) throws Exception;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		CannedResponses responses = new CannedResponses();
		this.transport = openTransport(responses);
		this.contenders = Contenders.start(Contenders.Set.HEADLINE, this.transport.endpoint(),
				this.transport.httpClient(), this.payload, responses);
		this.raw = this.contenders.get(Contenders.BASELINE);
		this.rawSdkDefaults = this.contenders.get("raw-sdk-defaults");
		this.invoker = this.contenders.get("invoker");
		this.client = this.contenders.get("client");
		this.clientNoRetry = this.contenders.get("client-no-retry");
		this.clientObserved = this.contenders.get("client-observed");
		this.sdkV1 = this.contenders.all()
			.stream()
			.filter((contender) -> contender.name().equals("sdk-v1"))
			.findFirst()
			.orElse(new Contender("sdk-v1", "not on this transport", () -> {
				throw new IllegalStateException("SDK v1 runs over the network only");
			}));
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.contenders.close();
		this.transport.closer().close();
	}

	protected final Contender sdkV1() {
		return this.sdkV1;
	}

	@Benchmark
	public @Nullable Object raw() {
		return this.raw.call();
	}

	@Benchmark
	public @Nullable Object rawSdkDefaults() {
		return this.rawSdkDefaults.call();
	}

	@Benchmark
	public @Nullable Object invoker() {
		return this.invoker.call();
	}

	@Benchmark
	public @Nullable Object client() {
		return this.client.call();
	}

	@Benchmark
	public @Nullable Object clientNoRetry() {
		return this.clientNoRetry.call();
	}

	@Benchmark
	public @Nullable Object clientObserved() {
		return this.clientObserved.call();
	}

	/**
	 * Where the contenders send their calls.
	 *
	 * @param endpoint the endpoint
	 * @param httpClient the SDK v2 HTTP client to use, or {@code null} for Apache
	 * HttpClient 5 over the network
	 * @param closer closes the transport
	 */
	protected record Transport(URI endpoint, @Nullable SdkHttpClient httpClient, AutoCloseable closer) {

	}

}

package io.github.lambdainvoker.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each transport failure the retry layer tells apart, sync (Apache) and async (Netty),
 * with the exact exception type and the exact number of attempts (counted by an SDK
 * interceptor before each request is handed to the HTTP client) and of requests that
 * reached the endpoint: a connection that failed before anything was sent is retried even
 * for a function that is not idempotent; a connection lost after sending is not, unless
 * the function is idempotent.
 */
@Tag("faults")
class RetryPathWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().containerThreads(20))
		.build();

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

	// Shared by the tests' Netty clients, which then close without waiting for their own
	// event loops to shut down.
	private static SdkEventLoopGroup eventLoops;

	private final AttemptCounter attempts = new AttemptCounter();

	private final List<String> retryReasons = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final LambdaProperties properties = new LambdaProperties();

	@BeforeAll
	static void createEventLoops() {
		eventLoops = SdkEventLoopGroup.builder().numberOfThreads(2).build();
	}

	@AfterAll
	static void closeEventLoops() {
		eventLoops.eventLoopGroup().shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@BeforeEach
	void retryQuickly() {
		LambdaProperties.Retry retry = this.properties.getDefaults().getRetry();
		retry.setMaxAttempts(3);
		retry.setInitialInterval(Duration.ofMillis(5));
		retry.setJitter(false);
		retry.setIdempotent(false);
	}

	@AfterEach
	void closeResources() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void connectionRefusedBeforeSendingIsRetriedEvenWhenNotIdempotent(Mode mode) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		DefaultLambdaInvoker invoker = invoker(mode, "http://127.0.0.1:" + closedPort, (http) -> {
		});
		LambdaClientException failure = callFails(invoker, mode, "pricing");
		assertThat(failure.isOutcomeUnknown()).isFalse();
		assertThat(failure).hasMessageStartingWith("Call to function 'pricing' could not be sent");
		assertThat(this.attempts.count()).isEqualTo(3);
		assertThat(this.retryReasons).containsExactly("connection_failure", "connection_failure");
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void connectTimeoutIsRetriedEvenWhenNotIdempotent(Mode mode) throws IOException {
		String unresponsive = unacceptingEndpoint();
		DefaultLambdaInvoker invoker = invoker(mode, unresponsive,
				(http) -> http.connectTimeout = Duration.ofMillis(200));
		LambdaClientException failure = callFails(invoker, mode, "pricing");
		assertThat(failure.isOutcomeUnknown()).isFalse();
		assertThat(this.attempts.count()).isEqualTo(3);
		assertThat(this.retryReasons).containsExactly("connection_failure", "connection_failure");
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void poolAcquireTimeoutIsRetriedEvenWhenNotIdempotentAndSendsNothing(Mode mode) {
		wireMock.stubFor(post(urlPathMatching(".*/slow/.*"))
			.willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3000)));
		wireMock.stubFor(post(urlPathMatching(".*/pricing/.*")).willReturn(aResponse().withStatus(200).withBody("{}")));
		DefaultLambdaInvoker invoker = invoker(mode, wireMock.baseUrl(), (http) -> {
			http.maxConnections = 1;
			http.acquisitionTimeout = Duration.ofMillis(100);
		});
		// Holds the pool's only connection of the client under test.
		CompletableFuture<?> slow = (mode == Mode.SYNC)
				? CompletableFuture.runAsync(() -> invoker.invoke("slow", "{}", Void.class))
				: invoker.invokeAsync("slow", "{}", Void.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> requests("slow") == 1);
		this.attempts.reset();
		LambdaClientException failure = callFails(invoker, mode, "pricing");
		assertThat(failure.isOutcomeUnknown()).isFalse();
		assertThat(this.attempts.count()).isEqualTo(3);
		assertThat(requests("pricing")).isZero();
		assertThat(this.retryReasons).containsExactly("connection_failure", "connection_failure");
		slow.join();
	}

	@ParameterizedTest
	@EnumSource(Mode.class)
	void resetAfterSendingIsNotRetriedUnlessIdempotent(Mode mode) {
		wireMock.stubFor(post(urlPathMatching(".*/pricing/.*"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		DefaultLambdaInvoker invoker = invoker(mode, wireMock.baseUrl(), (http) -> {
		});
		LambdaClientException failure = callFails(invoker, mode, "pricing");
		assertThat(failure.isOutcomeUnknown()).isTrue();
		assertThat(requests("pricing")).isEqualTo(1);
		assertThat(this.attempts.count()).isEqualTo(1);
		assertThat(this.retryReasons).isEmpty();

		this.properties.getDefaults().getRetry().setIdempotent(true);
		this.attempts.reset();
		wireMock.resetRequests();
		LambdaClientException idempotentFailure = callFails(invoker(mode, wireMock.baseUrl(), (http) -> {
		}), mode, "pricing");
		assertThat(idempotentFailure.isOutcomeUnknown()).isTrue();
		assertThat(requests("pricing")).isEqualTo(3);
		assertThat(this.attempts.count()).isEqualTo(3);
		assertThat(this.retryReasons).containsExactly("unknown_outcome", "unknown_outcome");
	}

	private static LambdaClientException callFails(DefaultLambdaInvoker invoker, Mode mode, String function) {
		Throwable failure = assertThrows(LambdaInvocationException.class, () -> {
			if (mode == Mode.SYNC) {
				invoker.invoke(function, "{}", Void.class);
				return;
			}
			try {
				invoker.invokeAsync(function, "{}", Void.class).join();
			}
			catch (CompletionException ex) {
				throw ex.getCause();
			}
		});
		// The exact type: a LambdaTimeoutException would also be a LambdaClientException.
		assertThat(failure).isExactlyInstanceOf(LambdaClientException.class);
		return (LambdaClientException) failure;
	}

	private static int requests(String function) {
		return wireMock.findAll(postRequestedFor(urlPathMatching(".*/" + function + "/.*"))).size();
	}

	/**
	 * Return the URL of a port whose accept queue is full, so that connecting to it times
	 * out: the kernel drops the SYNs of further connections.
	 */
	private String unacceptingEndpoint() throws IOException {
		ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		this.resources.add(server);
		for (int i = 0; i < 8; i++) {
			Socket filler = new Socket();
			this.resources.add(filler);
			try {
				filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 100);
			}
			catch (IOException queueFull) {
				break;
			}
		}
		return "http://127.0.0.1:" + server.getLocalPort();
	}

	private DefaultLambdaInvoker invoker(Mode mode, String endpoint, Consumer<HttpSettings> customizer) {
		HttpSettings http = new HttpSettings();
		customizer.accept(http);
		LambdaClient client = LambdaClient.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.credentialsProvider(CREDENTIALS)
			.httpClientBuilder(Apache5HttpClient.builder()
				.connectionTimeout(http.connectTimeout)
				.socketTimeout(Duration.ofSeconds(5))
				.maxConnections(http.maxConnections)
				.connectionAcquisitionTimeout(http.acquisitionTimeout))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
				.addExecutionInterceptor(this.attempts))
			.build();
		this.resources.add(client);
		LambdaAsyncClient asyncClient = null;
		if (mode == Mode.ASYNC) {
			asyncClient = LambdaAsyncClient.builder()
				.endpointOverride(URI.create(endpoint))
				.region(Region.US_EAST_1)
				.credentialsProvider(CREDENTIALS)
				.httpClientBuilder(NettyNioAsyncHttpClient.builder()
					.eventLoopGroup(eventLoops)
					.connectionTimeout(http.connectTimeout)
					.readTimeout(Duration.ofSeconds(5))
					.maxConcurrency(http.maxConnections)
					.connectionAcquisitionTimeout(http.acquisitionTimeout))
				.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.doNotRetry())
					.addExecutionInterceptor(this.attempts))
				.build();
			this.resources.add(asyncClient);
		}
		return DefaultLambdaInvoker.builder(client)
			.asyncClient(asyncClient)
			.functionRegistry(TestFunctionRegistries.from(this.properties))
			.retryExecutor(new SpringRetryExecutor(
					List.of((invocation, attempt, reason, failure, wait) -> this.retryReasons.add(reason))))
			.asyncExecutor(Runnable::run)
			.build();
	}

	enum Mode {

		SYNC, ASYNC

	}

	/**
	 * HTTP client settings of one test.
	 */
	static final class HttpSettings {

		Duration connectTimeout = Duration.ofSeconds(2);

		int maxConnections = 4;

		Duration acquisitionTimeout = Duration.ofSeconds(2);

	}

	/**
	 * Counts the attempts the SDK hands to its HTTP client.
	 */
	static final class AttemptCounter implements ExecutionInterceptor {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			this.count.incrementAndGet();
		}

		int count() {
			return this.count.get();
		}

		void reset() {
			this.count.set(0);
		}

	}

}

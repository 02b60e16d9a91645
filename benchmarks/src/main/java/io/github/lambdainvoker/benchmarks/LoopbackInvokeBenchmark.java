package io.github.lambdainvoker.benchmarks;

import java.net.URI;

import com.amazonaws.services.lambda.AWSLambda;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * {@link InvokeBenchmark} over HTTP on the loopback interface, with Apache HttpClient 5
 * for SDK v2, plus the SDK v1 {@code LambdaInvokerFactory} contender on its own Apache
 * HttpClient 4.
 */
public class LoopbackInvokeBenchmark extends InvokeBenchmark {

	private static final int SERVER_THREADS = 64;

	private LoopbackLambdaServer server;

	private AWSLambda sdkV1;

	private V1OrderFunctions sdkV1Functions;

	@Override
	protected URI openTransport() throws Exception {
		this.server = new LoopbackLambdaServer(this.responses, SERVER_THREADS);
		URI endpoint = this.server.endpoint();
		this.sdkV1 = SdkClients.sdkV1(endpoint);
		this.sdkV1Functions = SdkClients.sdkV1Functions(this.sdkV1);
		return endpoint;
	}

	@Override
	protected @Nullable SdkHttpClient httpClient() {
		return null;
	}

	@Override
	protected void checkOtherContenders() {
		check(sdkV1Factory());
	}

	@Override
	protected void closeTransport() {
		System.getLogger(LoopbackInvokeBenchmark.class.getName())
			.log(System.Logger.Level.INFO,
					"Server: " + this.server.requests() + " requests on " + this.server.connections() + " connections, "
							+ this.server.expectContinueRequests() + " with Expect: 100-continue, "
							+ this.server.chunkedRequests() + " chunked");
		this.sdkV1.shutdown();
		this.server.close();
	}

	@Benchmark
	public Order sdkV1Factory() {
		return switch (this.payload) {
			case SMALL -> this.sdkV1Functions.small(order());
			case MEDIUM -> this.sdkV1Functions.medium(order());
			case LARGE -> this.sdkV1Functions.large(order());
		};
	}

}

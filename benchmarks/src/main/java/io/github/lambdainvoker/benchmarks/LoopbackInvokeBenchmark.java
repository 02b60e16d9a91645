package io.github.lambdainvoker.benchmarks;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * {@link InvokeBenchmark} over HTTP on the loopback interface, with Apache HttpClient 5
 * for SDK v2, plus the SDK v1 {@code LambdaInvokerFactory} contender on its own Apache
 * HttpClient 4.
 */
public class LoopbackInvokeBenchmark extends InvokeBenchmark {

	private static final int SERVER_THREADS = 64;

	@Override
	protected Transport openTransport(CannedResponses responses) throws Exception {
		LoopbackLambdaServer server = new LoopbackLambdaServer(responses, SERVER_THREADS);
		return new Transport(server.endpoint(), null, () -> {
			server.logCounts();
			server.close();
		});
	}

	@Benchmark
	public @Nullable Object sdkV1Factory() {
		return sdkV1().call();
	}

}

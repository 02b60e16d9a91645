package io.github.lambdainvoker.benchmarks;

import java.net.URI;

/**
 * {@link InvokeBenchmark} on an in-memory HTTP client: the client-side cost alone (proxy,
 * Jackson, SDK marshalling and signing, unmarshalling, retry wrapper), without a network.
 * The SDK v1 contender needs a network, so it is not here.
 */
public class InMemoryInvokeBenchmark extends InvokeBenchmark {

	@Override
	protected Transport openTransport(CannedResponses responses) {
		return new Transport(URI.create("http://127.0.0.1:9"), new InMemoryLambdaHttpClient(responses), () -> {
		});
	}

}

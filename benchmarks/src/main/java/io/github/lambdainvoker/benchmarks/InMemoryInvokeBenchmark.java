package io.github.lambdainvoker.benchmarks;

import java.net.URI;

import software.amazon.awssdk.http.SdkHttpClient;

/**
 * {@link InvokeBenchmark} on an in-memory HTTP client: the client-side cost alone (proxy,
 * Jackson, SDK marshalling and signing, unmarshalling, retry wrapper), without a network.
 */
public class InMemoryInvokeBenchmark extends InvokeBenchmark {

	private SdkHttpClient httpClient;

	@Override
	protected URI openTransport() {
		this.httpClient = new InMemoryLambdaHttpClient(this.responses);
		return URI.create("http://127.0.0.1:9");
	}

	@Override
	protected SdkHttpClient httpClient() {
		return this.httpClient;
	}

}

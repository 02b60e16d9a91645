package io.github.lambdainvoker.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An {@link SdkHttpClient} that never touches the network: it reads the request body the
 * SDK wrote, as a real client would, and answers with a canned Invoke response, so a
 * benchmark measures the client-side cost alone.
 */
public final class InMemoryLambdaHttpClient implements SdkHttpClient {

	private final CannedResponses responses;

	public InMemoryLambdaHttpClient(CannedResponses responses) {
		this.responses = responses;
	}

	@Override
	public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
		return new ExecutableHttpRequest() {

			@Override
			public HttpExecuteResponse call() {
				request.contentStreamProvider().ifPresent((provider) -> drain(provider.newStream()));
				byte[] body = InMemoryLambdaHttpClient.this.responses
					.body(PayloadSize.forPath(request.httpRequest().encodedPath()));
				SdkHttpResponse response = SdkHttpResponse.builder()
					.statusCode(200)
					.putHeader("Content-Type", "application/json")
					.putHeader("Content-Length", Integer.toString(body.length))
					.putHeader("X-Amz-Executed-Version", "$LATEST")
					.putHeader("x-amzn-RequestId", CannedResponses.REQUEST_ID)
					.build();
				return HttpExecuteResponse.builder()
					.response(response)
					.responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
					.build();
			}

			@Override
			public void abort() {
			}

		};
	}

	private static void drain(InputStream stream) {
		try (stream) {
			stream.transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String clientName() {
		return "InMemory";
	}

	@Override
	public void close() {
	}

}

package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.scheme.AwsV4AuthScheme;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.scheme.AuthSchemeOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * The SDK v2 extension points tried against the default SDK path, each as a
 * {@link LambdaClientCustomizer}, the way an application or the starter would apply it.
 */
final class SdkExtensions {

	private SdkExtensions() {
	}

	/**
	 * An endpoint provider that returns one fixed endpoint instead of evaluating the
	 * endpoint rules on each call.
	 * @param endpoint the endpoint
	 * @return the customizer
	 */
	static LambdaClientCustomizer fixedEndpoint(URI endpoint) {
		Endpoint fixed = Endpoint.builder().url(endpoint).build();
		CompletableFuture<Endpoint> resolved = CompletableFuture.completedFuture(fixed);
		return (builder) -> builder.endpointProvider((params) -> resolved);
	}

	/**
	 * An auth scheme provider that always answers SigV4 for Lambda in one region, with a
	 * list built once.
	 * @param region the signing region
	 * @return the customizer
	 */
	static LambdaClientCustomizer sigV4Only(Region region) {
		List<AuthSchemeOption> options = List.of(AuthSchemeOption.builder()
			.schemeId(AwsV4AuthScheme.SCHEME_ID)
			.putSignerProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
			.putSignerProperty(AwsV4HttpSigner.REGION_NAME, region.id())
			.build());
		return (builder) -> builder.authSchemeProvider((params) -> options);
	}

	/**
	 * Apache HttpClient 5 without {@code Expect: 100-continue} on requests with a body.
	 * @return the customizer
	 */
	static LambdaClientCustomizer noExpectContinue() {
		return (builder) -> {
			if (builder instanceof LambdaClientBuilder sync) {
				sync.httpClientBuilder(Apache5HttpClient.builder().expectContinueEnabled(false));
			}
		};
	}

	/**
	 * The JDK's {@code HttpURLConnection} instead of Apache HttpClient 5.
	 * @return the customizer
	 */
	static LambdaClientCustomizer urlConnection() {
		return (builder) -> {
			if (builder instanceof LambdaClientBuilder sync) {
				sync.httpClientBuilder(UrlConnectionHttpClient.builder());
			}
		};
	}

}

package io.github.lambdainvoker.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Stubs of the Lambda Invoke API on WireMock and readers of what was sent to it.
 */
public final class LambdaWireMock {

	private LambdaWireMock() {
	}

	/**
	 * Return a context runner with both auto-configurations, pointed at WireMock, with
	 * static credentials and without the Netty-based asynchronous SDK client:
	 * asynchronous calls run the synchronous client on the invoker's executor.
	 * @param wireMock the WireMock server
	 * @return the context runner
	 */
	public static ApplicationContextRunner contextRunner(WireMockExtension wireMock) {
		return asyncContextRunner(wireMock).withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class));
	}

	/**
	 * Return a context runner like {@link #contextRunner(WireMockExtension)}, with the
	 * Netty-based asynchronous SDK client.
	 * @param wireMock the WireMock server
	 * @return the context runner
	 */
	public static ApplicationContextRunner asyncContextRunner(WireMockExtension wireMock) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
			.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=" + wireMock.baseUrl())
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")));
	}

	/**
	 * Return the path of the Invoke operation for a function name as the SDK sends it.
	 * @param functionName the function name, colons included
	 * @return the URL path
	 */
	public static String invocationsPath(String functionName) {
		return "/2015-03-31/functions/" + functionName.replace(":", "%3A") + "/invocations";
	}

	/**
	 * Match an Invoke request for a function.
	 * @param functionName the function name
	 * @return the mapping builder
	 */
	public static MappingBuilder invocation(String functionName) {
		return post(urlPathEqualTo(invocationsPath(functionName)));
	}

	/**
	 * Answer like a function that returned the given JSON.
	 * @param json the payload
	 * @return the response
	 */
	public static ResponseDefinitionBuilder result(String json) {
		return result(json, "$LATEST");
	}

	/**
	 * Answer like a function that returned the given JSON, run as the given version.
	 * @param json the payload
	 * @param executedVersion the version that ran
	 * @return the response
	 */
	public static ResponseDefinitionBuilder result(String json, String executedVersion) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Amz-Executed-Version", executedVersion)
			.withBody(json);
	}

	/**
	 * Answer like Lambda when it queued an event.
	 * @return the response
	 */
	public static ResponseDefinitionBuilder accepted() {
		return aResponse().withStatus(202);
	}

	/**
	 * Answer like a function that failed with an unhandled error.
	 * @param errorType the error type
	 * @param errorMessage the error message
	 * @return the response
	 */
	public static ResponseDefinitionBuilder functionError(String errorType, String errorMessage) {
		return functionError("Unhandled", errorType, errorMessage);
	}

	/**
	 * Answer like a function that failed.
	 * @param functionError the {@code X-Amz-Function-Error} value: {@code Handled} or
	 * {@code Unhandled}
	 * @param errorType the error type
	 * @param errorMessage the error message
	 * @return the response
	 */
	public static ResponseDefinitionBuilder functionError(String functionError, String errorType, String errorMessage) {
		return result("{\"errorType\":\"" + errorType + "\",\"errorMessage\":\"" + errorMessage + "\"}")
			.withHeader("X-Amz-Function-Error", functionError);
	}

	/**
	 * Return the Invoke requests WireMock received for a function.
	 * @param wireMock the WireMock server
	 * @param functionName the function name
	 * @return the requests, oldest first
	 */
	public static List<LoggedRequest> invocations(WireMockExtension wireMock, String functionName) {
		return wireMock.findAll(postRequestedFor(urlPathEqualTo(invocationsPath(functionName))));
	}

	/**
	 * Return the only request WireMock received, failing if there were others.
	 * @param wireMock the WireMock server
	 * @param functionName the function name the request must be for
	 * @return the request
	 */
	public static LoggedRequest onlyInvocation(WireMockExtension wireMock, String functionName) {
		List<LoggedRequest> all = wireMock.findAll(postRequestedFor(urlPathEqualTo(invocationsPath(functionName))));
		int total = wireMock.getAllServeEvents().size();
		if (all.size() != 1 || total != 1) {
			throw new AssertionError("Expected exactly one request, to " + functionName + ", but WireMock received "
					+ total + " of which " + all.size() + " for " + functionName);
		}
		return all.get(0);
	}

	/**
	 * Return the decoded {@code X-Amz-Client-Context} header of a request.
	 * @param request the request
	 * @return the client context JSON
	 */
	public static String clientContext(LoggedRequest request) {
		return new String(Base64.getDecoder().decode(request.getHeader("X-Amz-Client-Context")),
				StandardCharsets.UTF_8);
	}

	/**
	 * Return the access key id that signed a request, from its {@code Authorization}
	 * header.
	 * @param request the request
	 * @return the access key id
	 */
	public static String accessKeyId(LoggedRequest request) {
		String credential = credential(request);
		return credential.substring(0, credential.indexOf('/'));
	}

	/**
	 * Return the scope a request was signed for, from its {@code Authorization} header:
	 * {@code /<region>/<service>/aws4_request}, without the access key id and date.
	 * @param request the request
	 * @return the credential scope, such as {@code /eu-west-1/lambda/aws4_request}
	 */
	public static String credentialScope(LoggedRequest request) {
		String credential = credential(request);
		String withoutKey = credential.substring(credential.indexOf('/') + 1);
		return withoutKey.substring(withoutKey.indexOf('/'));
	}

	private static String credential(LoggedRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.contains("Credential=")) {
			throw new AssertionError("Request to " + request.getUrl() + " is not signed: " + authorization);
		}
		String credential = authorization.substring(authorization.indexOf("Credential=") + "Credential=".length());
		return credential.substring(0, credential.indexOf(','));
	}

	/**
	 * Return the base64 form of a log tail, as Lambda sends it in
	 * {@code X-Amz-Log-Result}.
	 * @param log the log text
	 * @return the header value
	 */
	public static String encodedLog(String log) {
		return Base64.getEncoder().encodeToString(log.getBytes(StandardCharsets.UTF_8));
	}

}

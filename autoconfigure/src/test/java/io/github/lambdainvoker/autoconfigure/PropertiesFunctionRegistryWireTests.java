package io.github.lambdainvoker.autoconfigure;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.invoke.DefaultLambdaInvoker;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.LambdaWireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PropertiesFunctionRegistry} as calls use it: resolved once per function key and
 * declared options, and what goes over the wire for each.
 */
class PropertiesFunctionRegistryWireTests {

	private static final String SIGV4_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=test-access-key/\\d{8}/us-east-1/lambda/aws4_request, "
			+ "SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, Signature=[0-9a-f]{64}";

	@RegisterExtension
	static LambdaWireMockExtension wireMock = LambdaWireMockExtension.sync();

	private final LambdaProperties properties = new LambdaProperties();

	@Test
	void resolveByKeyAloneReturnsTheSameFunctionEveryTime() {
		function("quote", "pricing-service");
		PropertiesFunctionRegistry registry = new PropertiesFunctionRegistry(this.properties);
		assertThat(registry.resolve("quote")).isSameAs(registry.resolve("quote"));
		assertThat(registry.resolve("quote").functionName()).isEqualTo("pricing-service");
	}

	@Test
	void resolveByKeyAloneAndWithDeclaredOptionsKeepsThemApart() {
		function("quote", "pricing-service");
		PropertiesFunctionRegistry registry = new PropertiesFunctionRegistry(this.properties);
		assertThat(registry.resolve("quote").qualifier()).isNull();
		assertThat(registry.resolve("quote", new FunctionOptions("canary", null, null)).qualifier())
			.isEqualTo("canary");
		assertThat(registry.resolve("quote", FunctionOptions.NONE).qualifier()).isNull();
	}

	@Test
	void resolveByKeyAloneWhenStrictAndNotConfiguredFailsEveryTime() {
		this.properties.setStrict(true);
		PropertiesFunctionRegistry registry = new PropertiesFunctionRegistry(this.properties);
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> registry.resolve("quote"))
				.withMessageContaining("aws.lambda.functions.quote.function-name");
		}
		assertThat(wireMock.findAll(postRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void invokeByKeyTwiceSendsBothCallsSignedToTheConfiguredFunction() {
		function("quote", "pricing-service");
		wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withBody("\"ok\"")));
		LambdaInvoker invoker = DefaultLambdaInvoker.builder(wireMock.client())
			.functionRegistry(new PropertiesFunctionRegistry(this.properties))
			.build();
		assertThat(invoker.invoke("quote", "\"a\"", String.class)).isEqualTo("\"ok\"");
		assertThat(invoker.invoke("quote", "\"b\"", String.class)).isEqualTo("\"ok\"");
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(anyUrl()));
		assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsExactly("\"a\"", "\"b\"");
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getUrl()).isEqualTo("/2015-03-31/functions/pricing-service/invocations");
			assertThat(request.getHeader("Authorization")).matches(SIGV4_AUTHORIZATION);
		});
	}

	private void function(String key, String functionName) {
		LambdaProperties.Function function = new LambdaProperties.Function();
		function.setFunctionName(functionName);
		this.properties.getFunctions().put(key, function);
	}

}

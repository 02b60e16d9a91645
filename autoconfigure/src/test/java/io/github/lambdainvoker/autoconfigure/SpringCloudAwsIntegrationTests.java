package io.github.lambdainvoker.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accessKeyId;
import static io.github.lambdainvoker.client.LambdaWireMock.credentialScope;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Cloud AWS on the class path, the default client takes its region and
 * credentials from Spring Cloud AWS's {@link AwsRegionProvider} and
 * {@link AwsCredentialsProvider} beans, configured by {@code spring.cloud.aws.*}.
 */
class SpringCloudAwsIntegrationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RegionProviderAutoConfiguration.class,
				CredentialsProviderAutoConfiguration.class, LambdaAutoConfiguration.class))
		.withPropertyValues("spring.cloud.aws.region.static=eu-central-1",
				"spring.cloud.aws.credentials.access-key=AKIDCLOUD",
				"spring.cloud.aws.credentials.secret-key=cloud-secret", "aws.lambda.endpoint=" + wireMock.baseUrl());

	@Test
	void defaultClientUsesTheRegionAndCredentialsOfSpringCloudAws() {
		wireMock.stubFor(invocation("pricing").willReturn(result("ok")));
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AwsRegionProvider.class).hasSingleBean(AwsCredentialsProvider.class);
			assertThat(context.getBean(LambdaInvoker.class).invoke("pricing", null, String.class)).isEqualTo("ok");
			LoggedRequest request = invocations(wireMock, "pricing").get(0);
			assertThat(credentialScope(request)).isEqualTo("/eu-central-1/lambda/aws4_request");
			assertThat(accessKeyId(request)).isEqualTo("AKIDCLOUD");
		});
	}

	@Test
	void lambdaRegionPropertyOutranksSpringCloudAwsRegion() {
		wireMock.stubFor(invocation("pricing").willReturn(result("ok")));
		this.contextRunner.withPropertyValues("aws.lambda.region=us-west-2").run((context) -> {
			context.getBean(LambdaInvoker.class).invoke("pricing", null, String.class);
			LoggedRequest request = invocations(wireMock, "pricing").get(0);
			assertThat(credentialScope(request)).isEqualTo("/us-west-2/lambda/aws4_request");
			assertThat(accessKeyId(request)).isEqualTo("AKIDCLOUD");
		});
	}

	@Test
	void functionInAnotherRegionIsSignedWithSpringCloudAwsCredentials() {
		String arn = "arn:aws:lambda:ap-southeast-2:111122223333:function:pricing";
		wireMock.stubFor(invocation(arn).willReturn(result("ok")));
		this.contextRunner.withPropertyValues("aws.lambda.functions.sydney.function-name=" + arn).run((context) -> {
			context.getBean(LambdaInvoker.class).invoke("sydney", null, String.class);
			LoggedRequest request = invocations(wireMock, arn).get(0);
			assertThat(credentialScope(request)).isEqualTo("/ap-southeast-2/lambda/aws4_request");
			assertThat(accessKeyId(request)).isEqualTo("AKIDCLOUD");
		});
	}

}

package io.github.lambdainvoker.local.junit;

import java.net.URI;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.local.LocalLambda;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LocalLambdaExtension}.
 */
class LocalLambdaExtensionTests {

	@RegisterExtension
	static LocalLambdaExtension lambda = new LocalLambdaExtension(
			LocalLambda.builder().function("greeting", new GreetingHandler()));

	@Test
	void lambdaClientInvokesTheEmulatorsFunctions() {
		InvokeResponse response = lambda.lambdaClient()
			.invoke((request) -> request.functionName("greeting").payload(SdkBytes.fromUtf8String("\"Ada\"")));
		assertThat(response.payload().asUtf8String()).isEqualTo("\"Hello Ada\"");
	}

	@Test
	void lambdaClientIsSharedAndPointsAtEndpoint() {
		assertThat(lambda.lambdaClient()).isSameAs(lambda.lambdaClient());
		assertThat(lambda.endpoint()).isEqualTo(lambda.lambda().endpoint());
		assertThat(lambda.lambda().isRunning()).isTrue();
	}

	@Test
	void clientBuilderBuildsClientsOfTheEmulator() {
		try (LambdaClient client = lambda.clientBuilder().build()) {
			assertThat(client.invoke((request) -> request.functionName("greeting")).statusCode()).isEqualTo(200);
		}
	}

	@Test
	void staticExtensionStartsOneEmulatorForTheClassAndInstanceExtensionOnePerTest() {
		LocalLambdaExtension extension = new LocalLambdaExtension(LocalLambda.builder());
		ExtensionContext classContext = mock(ExtensionContext.class);
		ExtensionContext firstTest = mock(ExtensionContext.class);
		ExtensionContext secondTest = mock(ExtensionContext.class);
		extension.beforeAll(classContext);
		extension.beforeEach(firstTest);
		URI classEndpoint = extension.endpoint();
		extension.afterEach(firstTest);
		extension.beforeEach(secondTest);
		assertThat(extension.endpoint()).isEqualTo(classEndpoint);
		extension.afterEach(secondTest);
		LocalLambda classLambda = extension.lambda();
		extension.afterAll(classContext);
		assertThat(classLambda.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(extension::endpoint);
		extension.beforeEach(firstTest);
		LocalLambda testLambda = extension.lambda();
		extension.afterEach(firstTest);
		assertThat(testLambda.isRunning()).isFalse();
	}

	@Nested
	class NestedTests {

		@Test
		void nestedTestsShareTheOuterEmulator() {
			assertThat(lambda.lambda().isRunning()).isTrue();
			assertThat(lambda.lambdaClient().invoke((request) -> request.functionName("greeting")).statusCode())
				.isEqualTo(200);
		}

	}

	static class GreetingHandler implements RequestHandler<String, String> {

		@Override
		public String handleRequest(String name, Context context) {
			return "Hello " + name;
		}

	}

}

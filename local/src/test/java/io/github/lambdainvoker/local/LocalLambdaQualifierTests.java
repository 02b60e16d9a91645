package io.github.lambdainvoker.local;

import java.util.stream.Stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how {@link LocalLambda} resolves function names, ARNs, versions and aliases.
 */
class LocalLambdaQualifierTests extends LocalLambdaTestSupport {

	private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:pricing";

	@BeforeEach
	void startPricing() {
		start(LocalLambda.builder()
			.function("pricing", new ReportingHandler("latest"),
					(function) -> function.version("1")
						.version("2", new ReportingHandler("two"))
						.alias("live", "1")
						.alias("next", "2")
						.alias("dev", "$LATEST")));
	}

	static Stream<Arguments> qualifiedNames() {
		return Stream.of(Arguments.of("pricing", null, "$LATEST", "latest", ARN),
				Arguments.of("pricing", "$LATEST", "$LATEST", "latest", ARN + ":$LATEST"),
				Arguments.of("pricing:$LATEST", null, "$LATEST", "latest", ARN + ":$LATEST"),
				Arguments.of("pricing", "1", "1", "latest", ARN + ":1"),
				Arguments.of("pricing:2", null, "2", "two", ARN + ":2"),
				Arguments.of("pricing", "live", "1", "latest", ARN + ":live"),
				Arguments.of("pricing:next", null, "2", "two", ARN + ":next"),
				Arguments.of("pricing:next", "next", "2", "two", ARN + ":next"),
				Arguments.of("pricing:dev", null, "$LATEST", "latest", ARN + ":dev"),
				Arguments.of(ARN, null, "$LATEST", "latest", ARN),
				Arguments.of(ARN + ":live", null, "1", "latest", ARN + ":live"),
				Arguments.of(ARN, "2", "2", "two", ARN + ":2"),
				Arguments.of("123456789012:function:pricing", null, "$LATEST", "latest", ARN),
				Arguments.of("123456789012:function:pricing:next", null, "2", "two", ARN + ":next"));
	}

	@ParameterizedTest(name = "{0} qualified by {1} runs version {2}")
	@MethodSource("qualifiedNames")
	void invokeResolvesNameAndQualifierAsLambdaDoes(String functionName, String qualifier, String version,
			String handler, String invokedArn) {
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName(functionName).qualifier(qualifier));
		assertThat(response.executedVersion()).isEqualTo(version);
		assertThat(response.payload().asUtf8String())
			.isEqualTo("\"" + handler + " " + version + " " + invokedArn + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:lambda:eu-west-1:123456789012:function:pricing",
			"arn:aws:lambda:us-east-1:210987654321:function:pricing", "210987654321:function:pricing", "pricing:3",
			"pricing:canary" })
	void invokeWhenArnOrQualifierNamesSomethingElseThrowsResourceNotFoundException(String functionName) {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.invoke((request) -> request.functionName(functionName)));
	}

	/**
	 * Reports which handler ran, as which version, under which ARN.
	 */
	static final class ReportingHandler implements RequestHandler<Object, String> {

		private final String label;

		ReportingHandler(String label) {
			this.label = label;
		}

		@Override
		public String handleRequest(Object input, Context context) {
			return this.label + " " + context.getFunctionVersion() + " " + context.getInvokedFunctionArn();
		}

	}

}

package io.github.lambdainvoker.invoke;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FunctionReference}.
 */
class FunctionReferenceTests {

	@ParameterizedTest
	@CsvSource(nullValues = "-",
			value = { "my-function, my-function, -", "my-function:v1, my-function, v1",
					"my_function.2, my_function.2, -", "my-function:$LATEST, my-function, $LATEST",
					"arn:aws:lambda:us-west-2:123456789012:function:my-function, my-function, -",
					"arn:aws:lambda:us-west-2:123456789012:function:my-function:7, my-function, 7",
					"arn:aws-cn:lambda:cn-north-1:123456789012:function:my-function, my-function, -",
					"arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:my-function:live, my-function, live",
					"123456789012:function:my-function, my-function, -",
					"123456789012:function:my-function:live, my-function, live" })
	void parseAcceptsEveryFormat(String value, String name, String qualifier) {
		FunctionReference reference = FunctionReference.parse(value);
		assertThat(reference.value()).isEqualTo(value);
		assertThat(reference.name()).isEqualTo(name);
		assertThat(reference.inlineQualifier()).isEqualTo(qualifier);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			arn:aws:lambda:eu-west-1:123456789012:function:pricing          | eu-west-1
			arn:aws:lambda:eu-west-1:123456789012:function:pricing:live     | eu-west-1
			arn:aws-cn:lambda:cn-north-1:123456789012:function:pricing      | cn-north-1
			arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:p     | us-gov-west-1
			123456789012:function:pricing                                   | none
			pricing:live                                                    | none
			pricing                                                         | none
			""")
	void regionIsTheOneAFullArnNames(String name, String region) {
		assertThat(FunctionReference.parse(name).region()).isEqualTo(region);
	}

	@Test
	void parseAcceptsBareNameOf64Characters() {
		assertThat(FunctionReference.parse("f".repeat(64)).name()).hasSize(64);
	}

	@Test
	void resolveQualifierWithoutExplicitQualifierReturnsNull() {
		assertThat(FunctionReference.parse("fn:live").resolveQualifier(null)).isNull();
	}

	@Test
	void resolveQualifierWhenQualifiersAgreeReturnsIt() {
		assertThat(FunctionReference.parse("fn:live").resolveQualifier("live")).isEqualTo("live");
	}

	@Test
	void resolveQualifierWhenQualifiersDisagreeFails() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.parse("fn:live").resolveQualifier("7"))
			.withMessageContaining("names qualifier 'live' but qualifier '7' was also given");
	}

}

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

	@Test
	void nameOf170CharactersIsAcceptedAndOneMoreIsRefused() {
		String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + "f".repeat(64) + ":";
		String longest = arn + "q".repeat(170 - arn.length());
		assertThat(FunctionReference.parse(longest).inlineQualifier()).hasSize(58);
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.parse(longest + "q"))
			.withMessage("Function name '" + longest.substring(0, 37) + "...' is 171 characters long; "
					+ "Lambda allows at most 170");
	}

	@Test
	void bareNameOf65CharactersIsRefusedWithItsLength() {
		String name = "f".repeat(65);
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> FunctionReference.parse(name))
			.withMessage("Function name '" + "f".repeat(37) + "...' is 65 characters long; Lambda allows at most 64")
			.satisfies((ex) -> assertThat(ex.getFunctionName()).isEqualTo(name));
	}

	@Test
	void blankNameIsRefused() {
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> FunctionReference.parse(" "))
			.withMessage("Function name must not be empty");
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			arn:aws:lambda:us-east-1:function:pricing
			arn:aws:lambda:123456789012:function:pricing
			arn:aws:lambda:us-east-1:123456789012:pricing
			""")
	void incompleteArnIsRefusedWithTheExpectedForm(String arn) {
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> FunctionReference.parse(arn))
			.withMessageStartingWith("Function ARN '" + arn + "' is incomplete");
	}

	@Test
	void valueThatOnlyLooksLikeAnArnIsRefused() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.parse("arn:pricing"))
			.withMessageContaining("is not a Lambda function name");
	}

	@Test
	void qualifierOf128CharactersIsAcceptedAndOneMoreIsRefused() {
		FunctionReference.checkQualifier("pricing", "q".repeat(128));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.checkQualifier("pricing", "q".repeat(129)))
			.withMessage(
					"Qualifier '" + "q".repeat(37) + "...' of function 'pricing' must be 1 to 128 characters long");
	}

	@Test
	void emptyQualifierIsRefused() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.checkQualifier("pricing", ""))
			.withMessage("Qualifier '' of function 'pricing' must be 1 to 128 characters long")
			.satisfies((ex) -> assertThat(ex.getQualifier()).isEmpty());
	}

	@Test
	void qualifierWithOtherCharactersIsRefusedNamingThem() {
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.checkQualifier("pricing", "live/1"))
			.withMessage("Qualifier 'live/1' of function 'pricing' may only contain letters, digits, '$', '_' and '-'");
	}

	@Test
	void explicitQualifierIsCheckedEvenWithoutAnInlineOne() {
		assertThat(FunctionReference.parse("fn").resolveQualifier("live")).isEqualTo("live");
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> FunctionReference.parse("fn").resolveQualifier("li ve"));
	}

}

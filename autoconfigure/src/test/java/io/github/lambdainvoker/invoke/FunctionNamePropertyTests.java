package io.github.lambdainvoker.invoke;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Property-based tests of function-name and qualifier validation against the patterns and
 * lengths of the Invoke operation's model ({@code NamespacedFunctionName},
 * {@code Qualifier}).
 */
class FunctionNamePropertyTests {

	// The model's patterns, as in invoke-contract.json.
	private static final Pattern MODEL_FUNCTION_NAME = Pattern
		.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
				+ "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

	private static final Pattern MODEL_QUALIFIER = Pattern.compile("(|[a-zA-Z0-9$_-]+)");

	@Property
	void everyGeneratedValidNameIsAcceptedAndKeepsItsParts(@ForAll("validNames") ValidName valid) {
		FunctionReference reference = FunctionReference.parse(valid.value());
		assertThat(reference.value()).isEqualTo(valid.value());
		assertThat(reference.name()).isEqualTo(valid.name());
		assertThat(reference.inlineQualifier()).isEqualTo(valid.qualifier());
		assertThat(MODEL_FUNCTION_NAME.matcher(valid.value()).matches()).isTrue();
	}

	@Property
	void anyStringIsAcceptedOnlyIfTheModelPatternAndLengthsAllowIt(@ForAll("nameLikeStrings") String candidate) {
		boolean modelAllows = !candidate.isBlank() && candidate.length() <= FunctionReference.MAX_LENGTH
				&& MODEL_FUNCTION_NAME.matcher(candidate).matches();
		try {
			FunctionReference reference = FunctionReference.parse(candidate);
			assertThat(modelAllows).as("accepted '%s'", candidate).isTrue();
			assertThat(reference.name().length()).isLessThanOrEqualTo(FunctionReference.MAX_NAME_LENGTH);
		}
		catch (LambdaValidationException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			assertThat(ex.getFunctionName()).isEqualTo(candidate);
		}
	}

	@Property
	void bareNamesLongerThan64CharactersAreRejected(@ForAll @StringLength(min = 65, max = 170) String suffix) {
		String name = "f".repeat(suffix.length());
		assertThatExceptionOfType(LambdaValidationException.class).isThrownBy(() -> FunctionReference.parse(name))
			.withMessageContaining("Lambda allows at most 64");
	}

	@Property
	void qualifiersAreAcceptedExactlyWhenTheModelAllowsThem(@ForAll("qualifierLikeStrings") String qualifier) {
		boolean modelAllows = !qualifier.isEmpty() && qualifier.length() <= FunctionReference.MAX_QUALIFIER_LENGTH
				&& MODEL_QUALIFIER.matcher(qualifier).matches();
		try {
			FunctionReference.checkQualifier("pricing", qualifier);
			assertThat(modelAllows).as("accepted '%s'", qualifier).isTrue();
		}
		catch (LambdaValidationException ex) {
			assertThat(modelAllows).as("rejected '%s'", qualifier).isFalse();
			assertThat(ex.getMessage()).contains("of function 'pricing'");
		}
	}

	@Provide
	Arbitrary<ValidName> validNames() {
		Arbitrary<String> names = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
			.ofMinLength(1)
			.ofMaxLength(64);
		Arbitrary<String> qualifiers = Arbitraries.oneOf(Arbitraries.just("$LATEST"),
				Arbitraries.strings()
					.withChars("abcdefghijklmnopqrstuvwxyz0123456789-_")
					.ofMinLength(1)
					.ofMaxLength(20));
		Arbitrary<String> prefixes = Arbitraries.of("", "123456789012:function:",
				"arn:aws:lambda:us-east-1:123456789012:function:",
				"arn:aws-cn:lambda:cn-north-1:123456789012:function:",
				"arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:");
		return Combinators.combine(prefixes, names, qualifiers.injectNull(0.5))
			.as((prefix, name, qualifier) -> new ValidName(prefix + name + ((qualifier != null) ? ":" + qualifier : ""),
					name, qualifier));
	}

	@Provide
	Arbitrary<String> nameLikeStrings() {
		return Arbitraries.strings().withChars("abcxyzAZ09-_.:$ /äarnlmbdufctio").ofMinLength(0).ofMaxLength(200);
	}

	@Provide
	Arbitrary<String> qualifierLikeStrings() {
		return Arbitraries.strings().withChars("aZ09$_-.: /ü").ofMinLength(0).ofMaxLength(140);
	}

	record ValidName(String value, String name, String qualifier) {
	}

}

package io.github.lambdainvoker.invoke;

import java.util.regex.Matcher;
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
	void anyStringIsAcceptedExactlyWhenLambdasRulesAllowIt(@ForAll("nameLikeStrings") String candidate) {
		assertAcceptedExactlyWhenAllowed(candidate);
	}

	@Property
	void arnLikeStringsAreAcceptedExactlyWhenLambdasRulesAllowThem(@ForAll("arnLikeStrings") String candidate) {
		assertAcceptedExactlyWhenAllowed(candidate);
	}

	private static void assertAcceptedExactlyWhenAllowed(String candidate) {
		boolean allowed = lambdaAllows(candidate);
		try {
			FunctionReference reference = FunctionReference.parse(candidate);
			assertThat(allowed).as("accepted '%s'", candidate).isTrue();
			assertThat(reference.value()).isEqualTo(candidate);
			assertThat(reference.name().length()).isLessThanOrEqualTo(FunctionReference.MAX_NAME_LENGTH);
		}
		catch (LambdaValidationException ex) {
			assertThat(allowed).as("rejected '%s': %s", candidate, ex.getMessage()).isFalse();
			assertThat(ex.getMessage()).isNotBlank();
			assertThat(ex.getFunctionName()).isEqualTo(candidate);
		}
	}

	/**
	 * Lambda's rules for a function name: the model's pattern and length, a bare name of
	 * at most 64 characters, and an ARN that is complete (region, account and
	 * {@code function:}). A name starting with {@code arn:} must be an ARN.
	 */
	private static boolean lambdaAllows(String candidate) {
		if (candidate.isBlank() || candidate.length() > FunctionReference.MAX_LENGTH) {
			return false;
		}
		Matcher matcher = MODEL_FUNCTION_NAME.matcher(candidate);
		if (!matcher.matches()) {
			return false;
		}
		boolean arn = matcher.group(1) != null;
		if (candidate.startsWith("arn:") && !arn) {
			return false;
		}
		if (arn && (matcher.group(3) == null || matcher.group(5) == null || matcher.group(6) == null)) {
			return false;
		}
		return matcher.group(7).length() <= FunctionReference.MAX_NAME_LENGTH;
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
	Arbitrary<String> arnLikeStrings() {
		Arbitrary<String> partitions = Arbitraries.of("arn:aws:lambda:", "arn:aws-cn:lambda:", "arn::lambda:",
				"arn:azure:lambda:", "arn:aws:s3:", "");
		Arbitrary<String> regions = Arbitraries.of("us-east-1:", "us-gov-west-1:", "useast1:", "");
		Arbitrary<String> accounts = Arbitraries.of("123456789012:", "12345:", "");
		Arbitrary<String> resources = Arbitraries.of("function:", "layer:", "");
		Arbitrary<String> names = Arbitraries.strings()
			.withChars("abcXYZ019-_.")
			.ofMinLength(1)
			.ofMaxLength(70)
			.edgeCases((config) -> config.add("f".repeat(64), "f".repeat(65)));
		Arbitrary<String> qualifiers = Arbitraries.of("", ":live", ":$LATEST", ":7", ":bad.q", ":");
		return Combinators.combine(partitions, regions, accounts, resources, names, qualifiers)
			.as((partition, region, account, resource, name, qualifier) -> partition + region + account + resource
					+ name + qualifier);
	}

	@Provide
	Arbitrary<String> qualifierLikeStrings() {
		return Arbitraries.strings().withChars("aZ09$_-.: /ü").ofMinLength(0).ofMaxLength(140);
	}

	record ValidName(String value, String name, String qualifier) {
	}

}

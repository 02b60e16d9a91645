package io.github.lambdainvoker.invoke;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A function name checked against Lambda's {@code NamespacedFunctionName} rules and split
 * into its parts. Accepts the four formats: {@code name}, {@code name:qualifier}, a full
 * ARN and a partial ARN ({@code account:function:name}), each with an optional
 * {@code :version} or {@code :alias} suffix.
 *
 * @param value the function name as given, sent to Lambda unchanged
 * @param name the bare function name
 * @param inlineQualifier the version or alias suffix, if any
 */
public record FunctionReference(String value, String name, @Nullable String inlineQualifier) {

	/** Longest function name Lambda accepts, in its longest (full ARN) format. */
	public static final int MAX_LENGTH = 170;

	/** Longest bare function name. */
	public static final int MAX_NAME_LENGTH = 64;

	/** Longest qualifier (version or alias). */
	public static final int MAX_QUALIFIER_LENGTH = 128;

	private static final Pattern NAMESPACED_FUNCTION_NAME = Pattern
		.compile("(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?"
				+ "([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

	private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]+");

	/**
	 * Parse and check a function name.
	 * @param value the function name
	 * @return the parsed reference
	 * @throws LambdaValidationException if the name breaks Lambda's format or length
	 * rules
	 */
	public static FunctionReference parse(String value) {
		if (value.isBlank()) {
			throw invalid(value, "Function name must not be empty");
		}
		if (value.length() > MAX_LENGTH) {
			throw invalid(value, "Function name '" + abbreviate(value) + "' is " + value.length()
					+ " characters long; Lambda allows at most " + MAX_LENGTH);
		}
		Matcher matcher = NAMESPACED_FUNCTION_NAME.matcher(value);
		if (!matcher.matches() || (value.startsWith("arn:") && matcher.group(1) == null)) {
			throw invalid(value,
					"Function name '" + value + "' is not a Lambda function name; use a name "
							+ "(my-function), a name with alias (my-function:live), a full ARN "
							+ "(arn:aws:lambda:us-east-1:123456789012:function:my-function) or a partial ARN "
							+ "(123456789012:function:my-function)");
		}
		boolean arn = matcher.group(1) != null;
		if (arn && (matcher.group(3) == null || matcher.group(5) == null || matcher.group(6) == null)) {
			throw invalid(value, "Function ARN '" + value + "' is incomplete; a Lambda function ARN has the form "
					+ "arn:aws:lambda:<region>:<account-id>:function:<name>[:<qualifier>]");
		}
		String name = matcher.group(7);
		if (name.length() > MAX_NAME_LENGTH) {
			throw invalid(value, "Function name '" + abbreviate(name) + "' is " + name.length()
					+ " characters long; Lambda allows at most " + MAX_NAME_LENGTH);
		}
		return new FunctionReference(value, name, matcher.group(9));
	}

	/**
	 * Return the region the name gives, as a full ARN does: calls of the function must go
	 * to that region's endpoint, signed for it.
	 * @return the region id, or {@code null} for a name or partial ARN without one
	 */
	public @Nullable String region() {
		Matcher matcher = NAMESPACED_FUNCTION_NAME.matcher(this.value);
		if (!matcher.matches() || matcher.group(3) == null) {
			return null;
		}
		String region = matcher.group(3);
		return region.substring(0, region.length() - 1);
	}

	/**
	 * Check a qualifier (version or alias) against Lambda's rules.
	 * @param functionName the function the qualifier is for, named in the error
	 * @param qualifier the qualifier
	 * @throws LambdaValidationException if the qualifier is not valid
	 */
	public static void checkQualifier(String functionName, String qualifier) {
		if (qualifier.isEmpty() || qualifier.length() > MAX_QUALIFIER_LENGTH) {
			throw new LambdaValidationException("Qualifier '" + abbreviate(qualifier) + "' of function '" + functionName
					+ "' must be 1 to " + MAX_QUALIFIER_LENGTH + " characters long", functionName, qualifier);
		}
		if (!QUALIFIER.matcher(qualifier).matches()) {
			throw new LambdaValidationException("Qualifier '" + qualifier + "' of function '" + functionName
					+ "' may only contain letters, digits, '$', '_' and '-'", functionName, qualifier);
		}
	}

	/**
	 * Return the qualifier to send, checking that it agrees with the inline one.
	 * @param qualifier the explicit qualifier, if any
	 * @return the qualifier to put in the {@code Qualifier} query parameter, or
	 * {@code null}
	 * @throws LambdaValidationException if the explicit and inline qualifiers differ
	 */
	public @Nullable String resolveQualifier(@Nullable String qualifier) {
		if (qualifier == null) {
			return null;
		}
		checkQualifier(this.value, qualifier);
		if (this.inlineQualifier != null && !this.inlineQualifier.equals(qualifier)) {
			throw new LambdaValidationException("Function '" + this.value + "' names qualifier '" + this.inlineQualifier
					+ "' but qualifier '" + qualifier + "' was also given; remove one of them", this.value, qualifier);
		}
		return qualifier;
	}

	private static LambdaValidationException invalid(String value, String message) {
		return new LambdaValidationException(message, value, null);
	}

	private static String abbreviate(String value) {
		return (value.length() <= 40) ? value : value.substring(0, 37) + "...";
	}

}

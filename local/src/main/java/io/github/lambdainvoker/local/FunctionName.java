package io.github.lambdainvoker.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A function name as the Invoke API accepts it, taken apart: a plain name, a full ARN
 * ({@code arn:aws:lambda:us-east-1:123456789012:function:name}) or a partial ARN
 * ({@code 123456789012:function:name}), each optionally followed by {@code :qualifier}.
 *
 * @param region the region named by the ARN, or {@code null}
 * @param accountId the account named by the ARN, or {@code null}
 * @param name the bare function name
 * @param qualifier the qualifier appended to the name, or {@code null}
 */
record FunctionName(@Nullable String region, @Nullable String accountId, String name, @Nullable String qualifier) {

	private static final String PATTERN_TEXT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
			+ "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

	private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);

	private static final int MAX_LENGTH = 170;

	private static final int MAX_PLAIN_NAME_LENGTH = 64;

	private static final String MEMBER = "functionName";

	/**
	 * Parse a function name as the Invoke API does.
	 * @param value the decoded {@code FunctionName} path segment
	 * @return the parsed name
	 * @throws ApiError a {@code ValidationException} if the value is not a function name
	 */
	static FunctionName parse(String value) {
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			throw ApiError.validation(value, MEMBER, "Member must have length between 1 and " + MAX_LENGTH);
		}
		Matcher matcher = PATTERN.matcher(value);
		if (!matcher.matches()) {
			throw ApiError.validation(value, MEMBER, "Member must satisfy regular expression pattern: " + PATTERN_TEXT);
		}
		String region = stripColon(matcher.group(3));
		String accountId = stripColon(matcher.group(5));
		String name = matcher.group(7);
		if (region == null && accountId == null && matcher.group(1) == null && name.length() > MAX_PLAIN_NAME_LENGTH) {
			throw ApiError.validation(value, MEMBER,
					"Member must have length less than or equal to " + MAX_PLAIN_NAME_LENGTH);
		}
		return new FunctionName(region, accountId, name, matcher.group(9));
	}

	private static @Nullable String stripColon(@Nullable String group) {
		return (group != null) ? group.substring(0, group.length() - 1) : null;
	}

}

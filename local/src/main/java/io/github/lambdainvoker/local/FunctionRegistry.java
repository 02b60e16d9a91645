package io.github.lambdainvoker.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The functions an emulator serves, and how an Invoke request's function name and
 * {@code Qualifier} resolve to one of their versions.
 */
final class FunctionRegistry {

	private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");

	private final String region;

	private final String accountId;

	private final Map<String, FunctionRuntime> functions = new LinkedHashMap<>();

	FunctionRegistry(List<LocalFunction> functions, String region, String accountId, JsonMapper jsonMapper) {
		this.region = region;
		this.accountId = accountId;
		for (LocalFunction function : functions) {
			this.functions.put(function.name(),
					new FunctionRuntime(function, arn(region, accountId, function.name(), null), jsonMapper));
		}
	}

	/**
	 * Resolve an Invoke request's target.
	 * @param functionName the decoded {@code FunctionName} path segment
	 * @param qualifierParameter the {@code Qualifier} query parameter, or {@code null}
	 * @return the function version to run
	 * @throws ApiError if the name is malformed or names no function, version or alias
	 */
	ResolvedFunction resolve(String functionName, @Nullable String qualifierParameter) {
		FunctionName parsed = FunctionName.parse(functionName);
		String qualifier = effectiveQualifier(parsed.qualifier(), qualifierParameter);
		FunctionRuntime runtime = this.functions.get(parsed.name());
		if (runtime == null || !matches(this.region, parsed.region()) || !matches(this.accountId, parsed.accountId())) {
			throw ApiError.resourceNotFound(arn(orDefault(parsed.region(), this.region),
					orDefault(parsed.accountId(), this.accountId), parsed.name(), qualifier));
		}
		String invokedArn = arn(this.region, this.accountId, parsed.name(), qualifier);
		String version = runtime.resolveVersion(qualifier);
		if (version == null) {
			throw ApiError.resourceNotFound(invokedArn);
		}
		return new ResolvedFunction(runtime, version, invokedArn);
	}

	/**
	 * Return the qualifier an Invoke request names, in its function name or its
	 * {@code Qualifier} parameter.
	 * @param fromName the qualifier appended to the function name, or {@code null}
	 * @param parameter the {@code Qualifier} query parameter, or {@code null}
	 * @return the qualifier, or {@code null} for none
	 * @throws ApiError if the parameter is malformed or differs from the name's
	 */
	static @Nullable String effectiveQualifier(@Nullable String fromName, @Nullable String parameter) {
		if (parameter == null || parameter.isEmpty()) {
			return fromName;
		}
		if (!QUALIFIER.matcher(parameter).matches()) {
			throw ApiError.validation(parameter, "qualifier",
					"Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
		}
		if (fromName != null && !fromName.equals(parameter)) {
			throw ApiError.invalidParameterValue(
					"The derived qualifier from the function name does not match the specified qualifier.");
		}
		return parameter;
	}

	private static boolean matches(String expected, @Nullable String actual) {
		return actual == null || expected.equals(actual);
	}

	private static String orDefault(@Nullable String value, String defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	private static String arn(String region, String accountId, String name, @Nullable String qualifier) {
		String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
		return (qualifier != null) ? arn + ":" + qualifier : arn;
	}

}

package io.github.lambdainvoker.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LogType;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an expected Invoke call looks like, and how many times it comes. Only what is set
 * is checked: {@code invocationOf("pricing")} matches any call of {@code pricing}.
 * <p>
 * Configure it, then hand it to {@link MockLambdaServer#expect(ExpectedInvocation)},
 * which keeps a copy.
 *
 * <pre class="code">
 * lambda.expect(invocationOf("pricing").qualifier("live").payloadJson("{\"sku\":\"book\",\"quantity\":2}"))
 *     .andRespond(result(quote));
 * </pre>
 */
public final class ExpectedInvocation {

	private static final JsonMapper treeReader = JsonMapper.shared();

	private final String function;

	private boolean qualifierChecked;

	private @Nullable String qualifier;

	private @Nullable InvocationType invocationType;

	private @Nullable LogType logType;

	private @Nullable String tenantId;

	private @Nullable ClientContext clientContext;

	private @Nullable PayloadMatcher payload;

	private int min = 1;

	private int max = 1;

	private ExpectedInvocation(String function) {
		this.function = function;
	}

	private ExpectedInvocation(ExpectedInvocation other) {
		this.function = other.function;
		this.qualifierChecked = other.qualifierChecked;
		this.qualifier = other.qualifier;
		this.invocationType = other.invocationType;
		this.logType = other.logType;
		this.tenantId = other.tenantId;
		this.clientContext = other.clientContext;
		this.payload = other.payload;
		this.min = other.min;
		this.max = other.max;
	}

	/**
	 * Expect a call of a function, once.
	 * @param function the bare function name, such as {@code pricing}, which matches the
	 * function however the caller names it (name, ARN, with a qualifier), or the function
	 * name exactly as the caller sends it
	 * @return the expected invocation
	 */
	public static ExpectedInvocation invocationOf(String function) {
		if (Objects.requireNonNull(function, "function").isBlank()) {
			throw new IllegalArgumentException("The expected function name must not be blank");
		}
		return new ExpectedInvocation(function);
	}

	/**
	 * Expect this version or alias, from the {@code Qualifier} parameter or the function
	 * name.
	 * @param qualifier the qualifier
	 * @return this expected invocation
	 */
	public ExpectedInvocation qualifier(String qualifier) {
		this.qualifierChecked = true;
		this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
		return this;
	}

	/**
	 * Expect a call of the unqualified function.
	 * @return this expected invocation
	 */
	public ExpectedInvocation unqualified() {
		this.qualifierChecked = true;
		this.qualifier = null;
		return this;
	}

	/**
	 * Expect this invocation type.
	 * @param invocationType the invocation type
	 * @return this expected invocation
	 */
	public ExpectedInvocation invocationType(InvocationType invocationType) {
		this.invocationType = Objects.requireNonNull(invocationType, "invocationType");
		return this;
	}

	/**
	 * Expect the caller to ask, or not, for the log tail.
	 * @param logType the log type
	 * @return this expected invocation
	 */
	public ExpectedInvocation logType(LogType logType) {
		this.logType = Objects.requireNonNull(logType, "logType");
		return this;
	}

	/**
	 * Expect this tenant id.
	 * @param tenantId the tenant id
	 * @return this expected invocation
	 */
	public ExpectedInvocation tenantId(String tenantId) {
		this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
		return this;
	}

	/**
	 * Expect a client context that holds these values; it may hold others too, such as
	 * those contributed for tracing.
	 * @param clientContext the values to find in the call's client context
	 * @return this expected invocation
	 */
	public ExpectedInvocation clientContext(ClientContext clientContext) {
		this.clientContext = Objects.requireNonNull(clientContext, "clientContext");
		return this;
	}

	/**
	 * Expect a payload equal to this JSON: members in any order, numbers equal by value.
	 * @param json the JSON text
	 * @return this expected invocation
	 * @throws IllegalArgumentException if the text is not JSON
	 */
	public ExpectedInvocation payloadJson(String json) {
		try {
			this.payload = new JsonPayload(treeReader.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The expected payload is not JSON: " + ex.getOriginalMessage(), ex);
		}
		return this;
	}

	/**
	 * Expect a payload that, read as the given type with the server's JSON mapper,
	 * satisfies a predicate.
	 * @param <T> the payload type
	 * @param type the type to read the payload as
	 * @param predicate the predicate
	 * @return this expected invocation
	 */
	public <T> ExpectedInvocation payload(Class<T> type, Predicate<? super T> predicate) {
		this.payload = new TypedPayload<>(Objects.requireNonNull(type, "type"),
				Objects.requireNonNull(predicate, "predicate"));
		return this;
	}

	/**
	 * Expect exactly this many calls.
	 * @param count the number of calls
	 * @return this expected invocation
	 */
	public ExpectedInvocation times(int count) {
		return between(count, count);
	}

	/**
	 * Expect this many calls or more.
	 * @param count the least number of calls
	 * @return this expected invocation
	 */
	public ExpectedInvocation atLeast(int count) {
		return between(count, Integer.MAX_VALUE);
	}

	/**
	 * Expect between {@code min} and {@code max} calls.
	 * @param min the least number of calls
	 * @param max the most
	 * @return this expected invocation
	 */
	public ExpectedInvocation between(int min, int max) {
		if (min < 0 || max < 1 || min > max) {
			throw new IllegalArgumentException("Expected call counts need 0 <= min <= max and max >= 1, not " + min
					+ " to " + max + " for function '" + this.function + "'");
		}
		this.min = min;
		this.max = max;
		return this;
	}

	ExpectedInvocation copy() {
		return new ExpectedInvocation(this);
	}

	int min() {
		return this.min;
	}

	int max() {
		return this.max;
	}

	String function() {
		return this.function;
	}

	/**
	 * List how a call differs from this expectation.
	 * @param call the call
	 * @return the differences, empty when the call matches
	 */
	List<String> mismatches(RecordedInvocation call) {
		List<String> mismatches = new ArrayList<>();
		if (!this.function.equals(call.name()) && !this.function.equals(call.functionName())) {
			mismatches.add("function: expected '" + this.function + "' but was '" + call.functionName() + "'");
		}
		if (this.qualifierChecked && !Objects.equals(this.qualifier, call.qualifier())) {
			mismatches.add("qualifier: expected " + quoted(this.qualifier) + " but was " + quoted(call.qualifier()));
		}
		if (this.invocationType != null && this.invocationType != call.invocationType()) {
			mismatches.add("invocation type: expected " + this.invocationType.wireValue() + " but was "
					+ call.invocationType().wireValue());
		}
		if (this.logType != null && this.logType != call.logType()) {
			mismatches.add("log type: expected " + this.logType.wireValue() + " but was " + call.logType().wireValue());
		}
		if (this.tenantId != null && !this.tenantId.equals(call.tenantId())) {
			mismatches.add("tenant id: expected " + quoted(this.tenantId) + " but was " + quoted(call.tenantId()));
		}
		ClientContext actualContext = call.clientContext();
		if (this.clientContext != null && !contains(actualContext, this.clientContext)) {
			mismatches.add("client context: expected to contain " + RecordedInvocation.describe(this.clientContext)
					+ " but was " + ((actualContext != null) ? RecordedInvocation.describe(actualContext) : "none"));
		}
		if (this.payload != null) {
			mismatches.addAll(this.payload.mismatches(call));
		}
		return mismatches;
	}

	private static boolean contains(@Nullable ClientContext actual, ClientContext expected) {
		return actual != null && contains(actual.custom(), expected.custom()) && contains(actual.env(), expected.env())
				&& contains(actual.client(), expected.client());
	}

	private static boolean contains(Map<String, String> actual, Map<String, String> expected) {
		return actual.entrySet().containsAll(expected.entrySet());
	}

	private static String quoted(@Nullable String value) {
		return (value != null) ? "'" + value + "'" : "none";
	}

	/**
	 * Describe the expected call as failure messages show it.
	 * @return the description
	 */
	@Override
	public String toString() {
		StringBuilder description = new StringBuilder(this.function);
		if (this.qualifierChecked) {
			description.append(", qualifier ").append(quoted(this.qualifier));
		}
		if (this.invocationType != null) {
			description.append(", ").append(this.invocationType.wireValue());
		}
		if (this.logType != null) {
			description.append(", log ").append(this.logType.wireValue());
		}
		if (this.tenantId != null) {
			description.append(", tenant ").append(quoted(this.tenantId));
		}
		if (this.clientContext != null) {
			description.append(", client context containing ").append(RecordedInvocation.describe(this.clientContext));
		}
		if (this.payload != null) {
			description.append(", payload ").append(this.payload);
		}
		return description.append(", ").append(describeCount()).toString();
	}

	private String describeCount() {
		if (this.min == this.max) {
			return (this.min == 1) ? "once" : this.min + " times";
		}
		if (this.max == Integer.MAX_VALUE) {
			return "at least " + this.min + " times";
		}
		return "between " + this.min + " and " + this.max + " times";
	}

	/**
	 * A condition on the payload of a call.
	 */
	private sealed interface PayloadMatcher permits JsonPayload, TypedPayload {

		List<String> mismatches(RecordedInvocation call);

	}

	private record JsonPayload(JsonNode expected) implements PayloadMatcher {

		@Override
		public List<String> mismatches(RecordedInvocation call) {
			if (call.payloadAsString().isBlank()) {
				return List.of("payload: expected " + this.expected + " but there was none");
			}
			JsonNode actual;
			try {
				actual = treeReader.readTree(call.payload());
			}
			catch (JacksonException ex) {
				return List.of("payload: expected " + this.expected + " but was not JSON: "
						+ RecordedInvocation.shown(call.payloadAsString()));
			}
			return JsonDifferences.between(this.expected, actual)
				.stream()
				.map((difference) -> "payload " + difference)
				.toList();
		}

		@Override
		public String toString() {
			return this.expected.toString();
		}

	}

	private record TypedPayload<T>(Class<T> type, Predicate<? super T> predicate) implements PayloadMatcher {

		@Override
		public List<String> mismatches(RecordedInvocation call) {
			T value;
			try {
				value = call.payload(this.type);
			}
			catch (JacksonException ex) {
				return List.of("payload: cannot be read as " + this.type.getSimpleName() + " ("
						+ ex.getOriginalMessage() + "): " + RecordedInvocation.shown(call.payloadAsString()));
			}
			if (value == null || !this.predicate.test(value)) {
				return List.of("payload: " + RecordedInvocation.shown(call.payloadAsString())
						+ " does not satisfy the predicate on " + this.type.getSimpleName());
			}
			return List.of();
		}

		@Override
		public String toString() {
			return "matching a predicate on " + this.type.getSimpleName();
		}

	}

}

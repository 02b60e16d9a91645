package io.github.lambdainvoker.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Answer;
import io.github.lambdainvoker.local.ScriptedInvokeEndpoint.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A canned answer of a {@link MockLambdaServer}, in the Invoke operation's own terms: a
 * result, a function error, a throttle, any documented API error, no answer at all, each
 * optionally late. Answers go over the wire exactly as Lambda sends them, so that the
 * caller's SDK client, retries, timeouts and observation see what they would see in
 * production.
 * <p>
 * Answers are immutable: each modifier returns a new answer.
 *
 * <pre class="code">
 * lambda.expect(invocationOf("pricing").times(2))
 *     .andRespond(throttle().retryAfter(Duration.ofSeconds(1)), result(new Quote("book", 2, total)));
 * </pre>
 */
public final class LambdaAnswer {

	private static final Pattern VERSION = Pattern.compile("\\$LATEST|[0-9]+");

	private static final String THROTTLED = "TooManyRequestsException";

	private final Outcome outcome;

	private final @Nullable String executedVersion;

	private final String log;

	private final Duration delay;

	private LambdaAnswer(Outcome outcome, @Nullable String executedVersion, String log, Duration delay) {
		this.outcome = outcome;
		this.executedVersion = executedVersion;
		this.log = log;
		this.delay = delay;
	}

	private static LambdaAnswer of(Outcome outcome) {
		return new LambdaAnswer(outcome, null, "", Duration.ZERO);
	}

	/**
	 * Answer like a function that returned a value, written as JSON with the server's
	 * mapper (the application's in a {@code @LambdaClientTest}). An {@code Event} call
	 * gets {@code 202 Accepted} and a {@code DryRun} {@code 204 No Content} instead, as
	 * from Lambda.
	 * @param value the value, or {@code null} for a JSON {@code null}
	 * @return the answer
	 */
	public static LambdaAnswer result(@Nullable Object value) {
		return of(new Result(value, null));
	}

	/**
	 * Answer like a function that returned the given JSON, sent as it is.
	 * @param json the JSON text
	 * @return the answer
	 */
	public static LambdaAnswer resultJson(String json) {
		return of(new Result(null, Objects.requireNonNull(json, "json")));
	}

	/**
	 * Answer like a function that threw an error: status 200,
	 * {@code X-Amz-Function-Error: Unhandled} and the Java runtime's error document.
	 * @param errorType the error type, such as an exception's class name
	 * @param errorMessage the error message
	 * @return the answer
	 */
	public static LambdaAnswer functionError(String errorType, @Nullable String errorMessage) {
		return of(new FunctionFailure("Unhandled", Objects.requireNonNull(errorType, "errorType"), errorMessage,
				List.of()));
	}

	/**
	 * Answer like a function that threw the given exception: its class name as the error
	 * type, its message and its stack frames, as the Java runtime reports them.
	 * @param exception the exception the function threw
	 * @return the answer
	 */
	public static LambdaAnswer functionError(Throwable exception) {
		List<String> frames = Arrays.stream(exception.getStackTrace()).map(StackTraceElement::toString).toList();
		return of(new FunctionFailure("Unhandled", exception.getClass().getName(), exception.getMessage(), frames));
	}

	/**
	 * Answer like a function that reported an error itself:
	 * {@code X-Amz-Function-Error: Handled}.
	 * @param errorType the error type
	 * @param errorMessage the error message
	 * @return the answer
	 */
	public static LambdaAnswer handledFunctionError(String errorType, @Nullable String errorMessage) {
		return of(new FunctionFailure("Handled", Objects.requireNonNull(errorType, "errorType"), errorMessage,
				List.of()));
	}

	/**
	 * Answer like a function stopped at its timeout: an unhandled
	 * {@code Sandbox.Timedout} error whose message says
	 * {@code Task timed out after ... seconds}.
	 * @param timeout the function's timeout
	 * @return the answer
	 */
	public static LambdaAnswer functionTimeout(Duration timeout) {
		return of(new FunctionTimeout(Objects.requireNonNull(timeout, "timeout")));
	}

	/**
	 * Answer like Lambda when it throttles: {@code 429 TooManyRequestsException}, with
	 * the reason {@code ReservedFunctionConcurrentInvocationLimitExceeded} and no
	 * {@code Retry-After} unless set.
	 * @return the answer
	 */
	public static LambdaAnswer throttle() {
		return of(new ApiFailure(429, THROTTLED, "Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded",
				null));
	}

	/**
	 * Answer with an error that the Invoke operation documents, with the status code
	 * Lambda sends it with.
	 * @param code the error code, such as {@code ResourceNotFoundException}
	 * @return the answer
	 * @throws IllegalArgumentException if the Invoke operation documents no such error
	 */
	public static LambdaAnswer apiError(String code) {
		return apiError(code, null);
	}

	/**
	 * Answer with an error that the Invoke operation documents, with the status code
	 * Lambda sends it with and the given message.
	 * @param code the error code, such as {@code ResourceNotFoundException}
	 * @param message the message, or {@code null} for a default one
	 * @return the answer
	 * @throws IllegalArgumentException if the Invoke operation documents no such error
	 */
	public static LambdaAnswer apiError(String code, @Nullable String message) {
		int status = InvokeErrors.statusCode(code);
		return THROTTLED.equals(code) ? throttle().message(message)
				: of(new ApiFailure(status, code, message, null, null));
	}

	/**
	 * Answer with any API error, documented or not.
	 * @param status the status code
	 * @param code the error code, sent as {@code X-Amzn-ErrorType}
	 * @param message the message
	 * @return the answer
	 */
	public static LambdaAnswer apiError(int status, String code, String message) {
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("An API error has a 4xx or 5xx status code, not " + status);
		}
		return of(new ApiFailure(status, Objects.requireNonNull(code, "code"), message, null, null));
	}

	/**
	 * Give no answer: read the request, then close the connection. The caller sees what a
	 * connection reset after sending shows it: a failure whose outcome is unknown, since
	 * the function may have run.
	 * @return the answer
	 */
	public static LambdaAnswer connectionReset() {
		return of(new NoAnswer());
	}

	/**
	 * Return this answer, with the version that ran ({@code X-Amz-Executed-Version}). By
	 * default the version is the qualifier when it is a version number, else
	 * {@code $LATEST}.
	 * @param executedVersion the version, {@code $LATEST} or a number
	 * @return a new answer
	 * @throws IllegalStateException if this answer is not a result or function error
	 */
	public LambdaAnswer executedVersion(String executedVersion) {
		requireInvocation("executedVersion");
		if (!VERSION.matcher(executedVersion).matches()) {
			throw new IllegalArgumentException(
					"An executed version is $LATEST or a version number, not '" + executedVersion + "'");
		}
		return new LambdaAnswer(this.outcome, executedVersion, this.log, this.delay);
	}

	/**
	 * Return this answer, with an execution log whose last 4 KB are sent base64-encoded
	 * in {@code X-Amz-Log-Result} when the caller asks for the log tail.
	 * @param log the log text
	 * @return a new answer
	 * @throws IllegalStateException if this answer is not a result or function error
	 */
	public LambdaAnswer log(String log) {
		requireInvocation("log");
		return new LambdaAnswer(this.outcome, this.executedVersion, Objects.requireNonNull(log, "log"), this.delay);
	}

	/**
	 * Return this answer, given only after a delay: long enough, it runs into the
	 * caller's attempt or read timeout, as a slow function does.
	 * @param delay how long to wait before answering
	 * @return a new answer
	 */
	public LambdaAnswer delayedBy(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("A delay cannot be negative: " + delay);
		}
		return new LambdaAnswer(this.outcome, this.executedVersion, this.log, delay);
	}

	/**
	 * Return this throttle, with a {@code Retry-After} header.
	 * @param retryAfter the wait, in whole seconds as the header carries it
	 * @return a new answer
	 * @throws IllegalStateException if this answer is not a throttle
	 */
	public LambdaAnswer retryAfter(Duration retryAfter) {
		ApiFailure throttle = requireThrottle("retryAfter");
		if (retryAfter.isNegative() || retryAfter.toNanos() % 1_000_000_000L != 0) {
			throw new IllegalArgumentException(
					"Retry-After is sent in whole seconds; " + retryAfter + " is not a whole number of seconds");
		}
		return withOutcome(
				new ApiFailure(throttle.status(), throttle.code(), throttle.message(), throttle.reason(), retryAfter));
	}

	/**
	 * Return this throttle, with another reason.
	 * @param reason the reason, one of those Lambda documents, such as
	 * {@code ConcurrentInvocationLimitExceeded}
	 * @return a new answer
	 * @throws IllegalStateException if this answer is not a throttle
	 */
	public LambdaAnswer reason(String reason) {
		ApiFailure throttle = requireThrottle("reason");
		if (!InvokeErrors.THROTTLE_REASONS.contains(reason)) {
			throw new IllegalArgumentException(
					"'" + reason + "' is not a throttle reason that Lambda documents; use one of "
							+ InvokeErrors.THROTTLE_REASONS.stream().sorted().toList());
		}
		return withOutcome(
				new ApiFailure(throttle.status(), throttle.code(), throttle.message(), reason, throttle.retryAfter()));
	}

	private LambdaAnswer message(@Nullable String message) {
		ApiFailure failure = (ApiFailure) this.outcome;
		return (message != null) ? withOutcome(
				new ApiFailure(failure.status(), failure.code(), message, failure.reason(), failure.retryAfter()))
				: this;
	}

	private LambdaAnswer withOutcome(Outcome outcome) {
		return new LambdaAnswer(outcome, this.executedVersion, this.log, this.delay);
	}

	private void requireInvocation(String setting) {
		if (this.outcome instanceof ApiFailure || this.outcome instanceof NoAnswer) {
			throw new IllegalStateException(
					setting + " applies to results and function errors, not to " + this.outcome.describe());
		}
	}

	private ApiFailure requireThrottle(String setting) {
		if (this.outcome instanceof ApiFailure failure && THROTTLED.equals(failure.code())) {
			return failure;
		}
		throw new IllegalStateException(setting + " applies to a throttle, not to " + this.outcome.describe());
	}

	Duration delay() {
		return this.delay;
	}

	/**
	 * Render this answer for a request.
	 * @param request the request answered
	 * @param jsonMapper the mapper that writes result values
	 * @return the answer on the wire
	 */
	Answer render(Request request, JsonMapper jsonMapper) {
		String version = (this.executedVersion != null) ? this.executedVersion : defaultVersion(request);
		if (this.outcome instanceof Result result) {
			String json = result.json();
			byte[] payload = (json != null) ? json.getBytes(StandardCharsets.UTF_8)
					: jsonMapper.writeValueAsBytes(result.value());
			return Answer.result(payload, version, this.log);
		}
		if (this.outcome instanceof FunctionFailure failure) {
			return Answer.functionError(failure.functionError(), failure.errorType(), failure.errorMessage(),
					failure.stackTrace(), version, this.log);
		}
		if (this.outcome instanceof FunctionTimeout timeout) {
			return Answer.functionTimeout(request.requestId(), timeout.timeout(), version, this.log);
		}
		if (this.outcome instanceof ApiFailure failure) {
			String message = failure.message();
			if (message == null) {
				message = defaultMessage(failure.code(), request);
			}
			return Answer.apiError(failure.status(), failure.code(), message, failure.reason(), failure.retryAfter());
		}
		return Answer.noAnswer();
	}

	private static String defaultVersion(Request request) {
		String qualifier = request.qualifier();
		return (qualifier != null && VERSION.matcher(qualifier).matches()) ? qualifier : "$LATEST";
	}

	private static String defaultMessage(String code, Request request) {
		if ("ResourceNotFoundException".equals(code)) {
			String qualifier = request.qualifier();
			boolean named = qualifier == null || request.functionName().endsWith(":" + qualifier);
			return "Function not found: " + request.functionName() + (named ? "" : ":" + qualifier);
		}
		return code + " answered by MockLambdaServer";
	}

	/**
	 * Describe the answer as failure messages show it.
	 * @return the description
	 */
	@Override
	public String toString() {
		String description = this.outcome.describe();
		return this.delay.isZero() ? description : description + " after " + this.delay;
	}

	/**
	 * What an answer says, whatever its version, log and delay.
	 */
	private sealed interface Outcome permits Result, FunctionFailure, FunctionTimeout, ApiFailure, NoAnswer {

		String describe();

	}

	private record Result(@Nullable Object value, @Nullable String json) implements Outcome {

		@Override
		public String describe() {
			return "a result";
		}

	}

	private record FunctionFailure(String functionError, String errorType, @Nullable String errorMessage,
			List<String> stackTrace) implements Outcome {

		@Override
		public String describe() {
			return "a function error (" + this.functionError + " " + this.errorType + ")";
		}

	}

	private record FunctionTimeout(Duration timeout) implements Outcome {

		@Override
		public String describe() {
			return "a function timeout";
		}

	}

	private record ApiFailure(int status, String code, @Nullable String message, @Nullable String reason,
			@Nullable Duration retryAfter) implements Outcome {

		@Override
		public String describe() {
			return THROTTLED.equals(this.code) ? "a throttle" : "an API error (" + this.code + ")";
		}

	}

	private record NoAnswer() implements Outcome {

		@Override
		public String describe() {
			return "a connection reset";
		}

	}

}

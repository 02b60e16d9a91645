package io.github.lambdainvoker.local;

import java.io.Closeable;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's Invoke endpoint with answers given by a {@link Script} instead of by
 * running handlers: requests are read and checked as the emulator checks them (path,
 * {@code Qualifier}, {@code X-Amz-*} headers, payload limits, JSON payload, client
 * context) and answers are written in the emulator's wire format.
 * <p>
 * <strong>Not API.</strong> This type is public only so that the mock server of
 * {@code lambda-invoker-test} speaks exactly the emulator's wire format; it may change or
 * disappear in any release. Use {@link LocalLambda} or that mock server instead.
 */
public final class ScriptedInvokeEndpoint implements Closeable {

	private static final AtomicInteger instances = new AtomicInteger();

	private static final JsonMapper jsonMapper = LocalLambda.Builder.defaultJsonMapper();

	private final LoopbackServer http;

	private ScriptedInvokeEndpoint(LoopbackServer http) {
		this.http = http;
	}

	/**
	 * Start serving on a free port of the loopback address.
	 * @param name names the serving threads
	 * @param script decides the answer to each request
	 * @return the running endpoint
	 * @throws java.io.UncheckedIOException if no port can be bound
	 */
	public static ScriptedInvokeEndpoint start(String name, Script script) {
		Objects.requireNonNull(script, "script");
		String prefix = name + "-" + instances.incrementAndGet() + "-http-";
		return new ScriptedInvokeEndpoint(LoopbackServer.start(0, prefix, new InvokeHttpHandler(
				(request) -> script.answer(Request.of(request)).reply(request.invocationType(), request.tail()))));
	}

	/**
	 * Return where the endpoint listens.
	 * @return the endpoint, such as {@code http://127.0.0.1:49152}
	 */
	public URI endpoint() {
		return this.http.endpoint();
	}

	/**
	 * Close the port and interrupt the answers still being given.
	 */
	@Override
	public void close() {
		this.http.stop();
	}

	/**
	 * Decides the answer to one request. Called on the thread serving the request, which
	 * is interrupted when the endpoint closes.
	 */
	@FunctionalInterface
	public interface Script {

		/**
		 * Answer a request.
		 * @param request the request
		 * @return the answer
		 * @throws InterruptedException if interrupted while answering
		 */
		Answer answer(Request request) throws InterruptedException;

	}

	/**
	 * An Invoke request that passed Lambda's checks.
	 *
	 * @param requestId the id given to the request, sent back as {@code X-Amzn-RequestId}
	 * @param functionName the decoded {@code FunctionName} path segment, as sent
	 * @param name the bare function name, without ARN parts or qualifier
	 * @param qualifier the qualifier named by the function name or the {@code Qualifier}
	 * parameter, or {@code null}
	 * @param invocationType the {@code X-Amz-Invocation-Type} value,
	 * {@code RequestResponse} when absent
	 * @param logTail whether the log tail was asked for ({@code X-Amz-Log-Type: Tail})
	 * @param clientContext the {@code X-Amz-Client-Context} header, or {@code null}
	 * @param tenantId the {@code X-Amz-Tenant-Id} header, or {@code null}
	 * @param payload the request body
	 */
	public record Request(String requestId, String functionName, String name, @Nullable String qualifier,
			String invocationType, boolean logTail, @Nullable String clientContext, @Nullable String tenantId,
			byte[] payload) {

		static Request of(InvokeRequest request) {
			FunctionName parsed = FunctionName.parse(request.functionName());
			String qualifier = FunctionRegistry.effectiveQualifier(parsed.qualifier(), request.qualifier());
			new ClientContextDecoder(jsonMapper).decode(request.clientContext());
			InvokeService.validJson(request.payload(), jsonMapper);
			String invocationType = switch (request.invocationType()) {
				case REQUEST_RESPONSE -> "RequestResponse";
				case EVENT -> "Event";
				case DRY_RUN -> "DryRun";
			};
			return new Request(request.requestId(), request.functionName(), parsed.name(), qualifier, invocationType,
					request.tail(), request.clientContext(), request.tenantId(), request.payload());
		}

		@Override
		public String toString() {
			return "Request[" + this.requestId + ", " + this.functionName + ", qualifier=" + this.qualifier + ", "
					+ this.invocationType + ", " + this.payload.length + " bytes]";
		}

	}

	/**
	 * An answer in the emulator's wire format. Answers for a synchronous invocation
	 * become {@code 202} for an {@code Event} and {@code 204} for a {@code DryRun}, as
	 * Lambda answers those whatever the function does.
	 */
	public static final class Answer {

		private final @Nullable HttpReply reply;

		private final byte[] payload;

		private final String executedVersion;

		private final @Nullable String functionError;

		private final byte[] log;

		private Answer(@Nullable HttpReply reply, byte[] payload, String executedVersion,
				@Nullable String functionError, byte[] log) {
			this.reply = reply;
			this.payload = payload;
			this.executedVersion = executedVersion;
			this.functionError = functionError;
			this.log = log;
		}

		/**
		 * Answer like a function that returned a payload.
		 * @param payload the payload
		 * @param executedVersion the version that ran
		 * @param log the execution log; its last 4 KB are sent if the caller asked
		 * @return the answer
		 */
		public static Answer result(byte[] payload, String executedVersion, String log) {
			return new Answer(null, payload, executedVersion, null, bytes(log));
		}

		/**
		 * Answer like a function that failed, with the Java runtime's error document.
		 * @param functionError {@code Unhandled} or {@code Handled}
		 * @param errorType the error type
		 * @param errorMessage the error message, or {@code null}
		 * @param stackTrace the frames of the error
		 * @param executedVersion the version that ran
		 * @param log the execution log; its last 4 KB are sent if the caller asked
		 * @return the answer
		 */
		public static Answer functionError(String functionError, String errorType, @Nullable String errorMessage,
				List<String> stackTrace, String executedVersion, String log) {
			return failed(functionError, ErrorDocuments.of(errorType, errorMessage, stackTrace), executedVersion, log);
		}

		/**
		 * Answer like a function stopped at its timeout.
		 * @param requestId the id of the request, named in the error message
		 * @param timeout the function's timeout
		 * @param executedVersion the version that ran
		 * @param log the execution log; its last 4 KB are sent if the caller asked
		 * @return the answer
		 */
		public static Answer functionTimeout(String requestId, Duration timeout, String executedVersion, String log) {
			return failed(InvocationResult.UNHANDLED, ErrorDocuments.timeout(requestId, timeout), executedVersion,
					log + requestId + " " + ErrorDocuments.timeoutMessage(timeout) + "\n");
		}

		private static Answer failed(String functionError, ObjectNode document, String executedVersion, String log) {
			return new Answer(null, bytes(document.toString()), executedVersion, functionError, bytes(log));
		}

		/**
		 * Answer with an error of the Invoke API, rendered as Lambda renders it.
		 * @param status the status code
		 * @param code the error code, sent as {@code X-Amzn-ErrorType}
		 * @param message the message
		 * @param reason the throttle reason, or {@code null}
		 * @param retryAfter the wait sent as {@code Retry-After}, or {@code null}
		 * @return the answer
		 */
		public static Answer apiError(int status, String code, String message, @Nullable String reason,
				@Nullable Duration retryAfter) {
			return new Answer(HttpReply.of(ApiError.of(status, code, message, reason, retryAfter)), new byte[0], "",
					null, new byte[0]);
		}

		/**
		 * Give no answer: close the connection once the request has been read.
		 * @return the answer
		 */
		public static Answer noAnswer() {
			return new Answer(HttpReply.NO_ANSWER, new byte[0], "", null, new byte[0]);
		}

		HttpReply reply(InvocationType invocationType, boolean tail) {
			if (this.reply != null) {
				return this.reply;
			}
			return switch (invocationType) {
				case EVENT -> HttpReply.empty(202);
				case DRY_RUN -> HttpReply.empty(204);
				case REQUEST_RESPONSE ->
					HttpReply.invoked(this.payload, this.executedVersion, this.functionError, tail ? tail() : null);
			};
		}

		private byte[] tail() {
			return Arrays.copyOfRange(this.log, Math.max(0, this.log.length - InvocationLog.TAIL_BYTES),
					this.log.length);
		}

		private static byte[] bytes(String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}

	}

}

package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An HTTP response of the emulator: status, headers and body.
 *
 * @param status the status code
 * @param headers the headers, besides {@code X-Amzn-RequestId}
 * @param body the body, empty for none
 */
record HttpReply(int status, Map<String, String> headers, byte[] body) {

	/** No answer at all: the connection is closed once the request has been read. */
	static final HttpReply NO_ANSWER = new HttpReply(0, Map.of(), new byte[0]);

	/**
	 * Render an API error as Lambda does for the rest-json protocol.
	 * @param error the error
	 * @return the reply
	 */
	static HttpReply of(ApiError error) {
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		body.put("Type", (error.status() >= 500) ? "Service" : "User");
		body.put("message", error.getMessage());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("X-Amzn-ErrorType", error.code());
		headers.put("Content-Type", "application/json");
		if (error.reason() != null) {
			body.put("Reason", error.reason());
		}
		Duration retryAfter = error.retryAfter();
		if (retryAfter != null) {
			headers.put("Retry-After", Long.toString(retryAfter.toSeconds()));
		}
		return new HttpReply(error.status(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Render the outcome of a synchronous invocation: status 200 whether or not the
	 * function failed, the version that ran and, if asked for, the log tail.
	 * @param payload the function's response or error document
	 * @param executedVersion the version that ran
	 * @param functionError {@code Handled} or {@code Unhandled} if the function failed,
	 * else {@code null}
	 * @param logTail the end of the execution log if the caller asked for it, else
	 * {@code null}
	 * @return the reply
	 */
	static HttpReply invoked(byte[] payload, String executedVersion, @Nullable String functionError,
			byte @Nullable [] logTail) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("X-Amz-Executed-Version", executedVersion);
		if (functionError != null) {
			headers.put("X-Amz-Function-Error", functionError);
		}
		if (logTail != null) {
			headers.put("X-Amz-Log-Result", Base64.getEncoder().encodeToString(logTail));
		}
		return new HttpReply(200, headers, payload);
	}

	/**
	 * Create a reply without a body.
	 * @param status the status code
	 * @return the reply
	 */
	static HttpReply empty(int status) {
		return new HttpReply(status, Map.of(), new byte[0]);
	}

}

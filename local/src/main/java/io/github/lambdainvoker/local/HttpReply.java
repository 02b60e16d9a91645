package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

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
			headers.put("Retry-After", "1");
		}
		return new HttpReply(error.status(), headers, body.toString().getBytes(StandardCharsets.UTF_8));
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

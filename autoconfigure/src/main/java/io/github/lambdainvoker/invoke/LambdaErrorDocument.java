package io.github.lambdainvoker.invoke;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error document a Lambda runtime returns when a function fails: {@code errorType},
 * {@code errorMessage}, a stack trace ({@code stackTrace} or {@code trace}) and an
 * optional nested {@code cause}.
 *
 * @param errorType the error type, such as a fully qualified exception class name
 * @param errorMessage the error message
 * @param stackTrace the stack trace lines, empty when the runtime sent none
 * @param cause the error that caused this one, if any
 */
record LambdaErrorDocument(@Nullable String errorType, @Nullable String errorMessage, List<String> stackTrace,
		@Nullable LambdaErrorDocument cause) {

	private static final int MAX_CAUSE_DEPTH = 16;

	public LambdaErrorDocument {
		stackTrace = List.copyOf(stackTrace);
	}

	/**
	 * Parse an error document, tolerating payloads that are not one.
	 * @param payload the response payload
	 * @param jsonMapper the mapper to read JSON with
	 * @return the error document; when the payload is not a JSON object, a document whose
	 * message is the payload text
	 */
	public static LambdaErrorDocument parse(byte[] payload, JsonMapper jsonMapper) {
		try {
			JsonNode root = jsonMapper.readTree(payload);
			if (root != null && root.isObject()) {
				return fromNode(root, 0);
			}
		}
		catch (JacksonException ex) {
			// Not JSON: fall through and keep the text.
		}
		String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
		return new LambdaErrorDocument(null, text.isEmpty() ? null : text, List.of(), null);
	}

	private static LambdaErrorDocument fromNode(JsonNode node, int depth) {
		JsonNode causeNode = node.get("cause");
		LambdaErrorDocument cause = (causeNode != null && causeNode.isObject() && depth < MAX_CAUSE_DEPTH)
				? fromNode(causeNode, depth + 1) : null;
		JsonNode trace = node.has("stackTrace") ? node.get("stackTrace") : node.get("trace");
		return new LambdaErrorDocument(text(node, "errorType"), text(node, "errorMessage"), lines(trace), cause);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static List<String> lines(@Nullable JsonNode trace) {
		if (trace == null || !trace.isArray()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(trace.size());
		for (JsonNode element : trace) {
			lines.add(element.isArray() ? joinFrame(element) : element.asString());
		}
		return lines;
	}

	private static String joinFrame(JsonNode frame) {
		List<String> parts = new ArrayList<>(frame.size());
		frame.forEach((part) -> parts.add(part.asString()));
		return String.join(", ", parts);
	}

	/**
	 * Whether this document reports that the function ran out of time.
	 * @return {@code true} for a function timeout
	 */
	public boolean isTimeout() {
		return "Sandbox.Timedout".equals(this.errorType)
				|| (this.errorMessage != null && this.errorMessage.contains("Task timed out"));
	}

}

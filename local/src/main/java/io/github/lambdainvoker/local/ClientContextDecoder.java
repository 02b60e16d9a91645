package io.github.lambdainvoker.local;

import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.ClientContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the {@code X-Amz-Client-Context} header: base64 of a JSON object with optional
 * {@code client}, {@code custom} and {@code env} sections.
 */
final class ClientContextDecoder {

	/** Longest header value Lambda accepts. */
	static final int MAX_LENGTH = 3583;

	private static final String INVALID = "Client context must be a valid Base64-encoded JSON object.";

	private final JsonMapper jsonMapper;

	ClientContextDecoder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Decode a header value.
	 * @param header the header value, or {@code null} if absent
	 * @return the client context, or {@code null} if there is none
	 * @throws ApiError if the value is not base64 of a JSON object or too long
	 */
	@Nullable ClientContext decode(@Nullable String header) {
		if (header == null || header.isEmpty()) {
			return null;
		}
		if (header.length() > MAX_LENGTH) {
			throw ApiError
				.invalidParameterValue("Client context must be at most " + MAX_LENGTH + " bytes once base64-encoded.");
		}
		JsonNode root;
		try {
			root = this.jsonMapper.readTree(Base64.getDecoder().decode(header));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw ApiError.invalidRequestContent(INVALID);
		}
		if (root == null || !root.isObject()) {
			throw ApiError.invalidRequestContent(INVALID);
		}
		JsonNode client = root.path("client");
		return new LocalClientContext(client.isObject() ? client(client) : null, strings(root.path("custom")),
				strings(root.path("env")));
	}

	private static LocalClientContext.LocalClient client(JsonNode client) {
		return new LocalClientContext.LocalClient(text(client, "installation_id"), text(client, "app_title"),
				text(client, "app_version_name"), text(client, "app_version_code"), text(client, "app_package_name"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private static Map<String, String> strings(JsonNode section) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : section.properties()) {
			JsonNode value = entry.getValue();
			values.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
		}
		return Collections.unmodifiableMap(values);
	}

}

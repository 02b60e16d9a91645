package io.github.lambdainvoker.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.local.ScriptedInvokeEndpoint;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Invoke call that reached a {@link MockLambdaServer}, as it went over the wire:
 * function, qualifier, invocation type, log type, client context, tenant id and payload.
 */
public final class RecordedInvocation {

	private static final int SHOWN_PAYLOAD_CHARACTERS = 200;

	private final ScriptedInvokeEndpoint.Request request;

	private final InvocationType invocationType;

	private final @Nullable ClientContext clientContext;

	private final JsonMapper jsonMapper;

	RecordedInvocation(ScriptedInvokeEndpoint.Request request, JsonMapper jsonMapper) {
		this.request = request;
		this.invocationType = invocationType(request.invocationType());
		this.clientContext = clientContext(request.clientContext(), jsonMapper);
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the id Lambda gave the call, sent back as {@code x-amzn-RequestId}.
	 * @return the request id
	 */
	public String requestId() {
		return this.request.requestId();
	}

	/**
	 * Return the function name as the caller sent it: a name, a full or partial ARN,
	 * possibly followed by a qualifier.
	 * @return the function name as sent
	 */
	public String functionName() {
		return this.request.functionName();
	}

	/**
	 * Return the bare function name, without ARN parts or qualifier.
	 * @return the function name, such as {@code pricing}
	 */
	public String name() {
		return this.request.name();
	}

	/**
	 * Return the version or alias invoked, from the {@code Qualifier} parameter or the
	 * function name.
	 * @return the qualifier, or {@code null} for the unqualified function
	 */
	public @Nullable String qualifier() {
		return this.request.qualifier();
	}

	/**
	 * Return the invocation type ({@code X-Amz-Invocation-Type}).
	 * @return the invocation type, {@code REQUEST_RESPONSE} when none was sent
	 */
	public InvocationType invocationType() {
		return this.invocationType;
	}

	/**
	 * Return whether the caller asked for the log tail ({@code X-Amz-Log-Type}).
	 * @return the log type
	 */
	public LogType logType() {
		return this.request.logTail() ? LogType.TAIL : LogType.NONE;
	}

	/**
	 * Return the decoded client context ({@code X-Amz-Client-Context}).
	 * @return the client context, or {@code null} when none was sent
	 */
	public @Nullable ClientContext clientContext() {
		return this.clientContext;
	}

	/**
	 * Return the tenant id ({@code X-Amz-Tenant-Id}).
	 * @return the tenant id, or {@code null} when none was sent
	 */
	public @Nullable String tenantId() {
		return this.request.tenantId();
	}

	/**
	 * Return the payload bytes as received.
	 * @return a copy of the payload, empty when none was sent
	 */
	public byte[] payload() {
		return this.request.payload().clone();
	}

	/**
	 * Return the payload as UTF-8 text.
	 * @return the payload text
	 */
	public String payloadAsString() {
		return new String(this.request.payload(), StandardCharsets.UTF_8);
	}

	/**
	 * Return the payload read as an object, with the server's JSON mapper.
	 * @param <T> the type to read
	 * @param type the type to read
	 * @return the payload object, or {@code null} for a JSON {@code null}
	 * @throws JacksonException if the payload cannot be read as that type
	 */
	public <T> @Nullable T payload(Class<T> type) {
		return this.jsonMapper.readValue(this.request.payload(), type);
	}

	JsonNode payloadTree() {
		return this.jsonMapper.readTree(this.request.payload());
	}

	ScriptedInvokeEndpoint.Request request() {
		return this.request;
	}

	/**
	 * Describe the call as failure messages show it: the function and its qualifier, the
	 * options sent, and the start of the payload.
	 * @return the description
	 */
	@Override
	public String toString() {
		StringBuilder description = new StringBuilder(functionName());
		String qualifier = qualifier();
		if (qualifier != null && !functionName().endsWith(":" + qualifier)) {
			description.append(", qualifier '").append(qualifier).append('\'');
		}
		description.append(", ").append(this.invocationType.wireValue());
		if (this.request.logTail()) {
			description.append(", log Tail");
		}
		String tenantId = tenantId();
		if (tenantId != null) {
			description.append(", tenant '").append(tenantId).append('\'');
		}
		if (this.clientContext != null) {
			description.append(", client context ").append(describe(this.clientContext));
		}
		return description.append(", payload ").append(shown(payloadAsString())).toString();
	}

	static String describe(ClientContext clientContext) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		sections.put("custom", clientContext.custom());
		sections.put("env", clientContext.env());
		sections.put("client", clientContext.client());
		sections.values().removeIf(Map::isEmpty);
		return sections.toString();
	}

	static String shown(String payload) {
		if (payload.isEmpty()) {
			return "(none)";
		}
		if (payload.length() <= SHOWN_PAYLOAD_CHARACTERS) {
			return payload;
		}
		return payload.substring(0, SHOWN_PAYLOAD_CHARACTERS) + "... (" + payload.length() + " characters)";
	}

	private static InvocationType invocationType(String wireValue) {
		for (InvocationType type : InvocationType.values()) {
			if (type.wireValue().equals(wireValue)) {
				return type;
			}
		}
		throw new IllegalStateException("Unknown invocation type " + wireValue);
	}

	private static @Nullable ClientContext clientContext(@Nullable String header, JsonMapper jsonMapper) {
		if (header == null || header.isEmpty()) {
			return null;
		}
		JsonNode root = jsonMapper.readTree(Base64.getDecoder().decode(header));
		return new ClientContext(strings(root.path("custom")), strings(root.path("env")), strings(root.path("client")));
	}

	private static Map<String, String> strings(JsonNode section) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : section.properties()) {
			JsonNode value = entry.getValue();
			values.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
		}
		return values;
	}

}

package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a {@link ClientContext} for the {@code X-Amz-Client-Context} header: JSON with
 * the non-empty sections {@code custom}, {@code env} and {@code client}, base64-encoded.
 */
public final class ClientContextEncoder {

	private final JsonMapper jsonMapper;

	public ClientContextEncoder(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Encode a client context and check it against Lambda's size limit.
	 * @param functionName the function the context is for, named in the error
	 * @param clientContext the client context
	 * @return the header value
	 * @throws LambdaValidationException if the encoded context is larger than
	 * {@value InvocationLimits#CLIENT_CONTEXT_MAX_BYTES} bytes
	 */
	public String encode(String functionName, ClientContext clientContext) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		putIfNotEmpty(sections, "custom", clientContext.custom());
		putIfNotEmpty(sections, "env", clientContext.env());
		putIfNotEmpty(sections, "client", clientContext.client());
		byte[] json = this.jsonMapper.writeValueAsBytes(sections);
		String encoded = Base64.getEncoder().encodeToString(json);
		if (encoded.length() > InvocationLimits.CLIENT_CONTEXT_MAX_BYTES) {
			throw new LambdaValidationException("Client context of function '" + functionName + "' is "
					+ encoded.length() + " bytes once base64-encoded; Lambda allows at most "
					+ InvocationLimits.CLIENT_CONTEXT_MAX_BYTES, functionName, null);
		}
		return encoded;
	}

	/**
	 * Decode a header value back to JSON text, for logging at DEBUG and for tests.
	 * @param headerValue the base64 header value
	 * @return the JSON text
	 */
	public static String decode(String headerValue) {
		return new String(Base64.getDecoder().decode(headerValue), StandardCharsets.UTF_8);
	}

	private static void putIfNotEmpty(Map<String, Map<String, String>> sections, String name,
			Map<String, String> values) {
		if (!values.isEmpty()) {
			sections.put(name, values);
		}
	}

}

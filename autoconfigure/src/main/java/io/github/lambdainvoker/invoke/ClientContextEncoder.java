package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes a {@link ClientContext} for the {@code X-Amz-Client-Context} header: JSON with
 * the non-empty sections {@code custom}, {@code env} and {@code client}, base64-encoded.
 */
final class ClientContextEncoder {

	private static final Log logger = LogFactory.getLog(ClientContextEncoder.class);

	/** Encoder over Jackson's shared mapper: client contexts hold strings only. */
	static final ClientContextEncoder SHARED = new ClientContextEncoder(JsonMapper.shared());

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
		String encoded = encodeUnchecked(clientContext);
		if (encoded.length() > InvocationLimits.CLIENT_CONTEXT_MAX_BYTES) {
			throw new LambdaValidationException("Client context of function '" + functionName + "' is "
					+ encoded.length() + " bytes once base64-encoded; Lambda allows at most "
					+ InvocationLimits.CLIENT_CONTEXT_MAX_BYTES, functionName, null);
		}
		return encoded;
	}

	/**
	 * Encode a client context with contributed {@code custom} values added where they
	 * neither replace one of the context's own values nor push the encoded context over
	 * Lambda's size limit. Contributed values are added in order; the first that does not
	 * fit and all after it are dropped, and the drop is logged at DEBUG.
	 * @param functionName the function the context is for, named in the error and logs
	 * @param clientContext the client context, whose values win
	 * @param contributed the values to add to the {@code custom} section
	 * @return the header value, or {@code null} when there is nothing to send
	 * @throws LambdaValidationException if the client context alone is larger than
	 * {@value InvocationLimits#CLIENT_CONTEXT_MAX_BYTES} bytes
	 */
	public @Nullable String encode(String functionName, ClientContext clientContext, Map<String, String> contributed) {
		if (contributed.isEmpty()) {
			return clientContext.isEmpty() ? null : encode(functionName, clientContext);
		}
		String encoded = clientContext.isEmpty() ? null : encode(functionName, clientContext);
		Map<String, String> custom = new LinkedHashMap<>(clientContext.custom());
		List<String> overridden = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		int wouldBe = 0;
		for (Map.Entry<String, String> entry : contributed.entrySet()) {
			if (custom.containsKey(entry.getKey())) {
				overridden.add(entry.getKey());
			}
			else if (!dropped.isEmpty()) {
				dropped.add(entry.getKey());
			}
			else {
				custom.put(entry.getKey(), entry.getValue());
				String candidate = encodeUnchecked(
						new ClientContext(custom, clientContext.env(), clientContext.client()));
				if (candidate.length() <= InvocationLimits.CLIENT_CONTEXT_MAX_BYTES) {
					encoded = candidate;
				}
				else {
					custom.remove(entry.getKey());
					dropped.add(entry.getKey());
					wouldBe = candidate.length();
				}
			}
		}
		logSkipped(functionName, overridden, dropped, wouldBe);
		return encoded;
	}

	private String encodeUnchecked(ClientContext clientContext) {
		Map<String, Map<String, String>> sections = new LinkedHashMap<>();
		putIfNotEmpty(sections, "custom", clientContext.custom());
		putIfNotEmpty(sections, "env", clientContext.env());
		putIfNotEmpty(sections, "client", clientContext.client());
		byte[] json = this.jsonMapper.writeValueAsBytes(sections);
		return Base64.getEncoder().encodeToString(json);
	}

	private static void logSkipped(String functionName, List<String> overridden, List<String> dropped, int wouldBe) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		if (!overridden.isEmpty()) {
			logger.debug("Client context of function '" + functionName + "' keeps its own custom values for "
					+ overridden + " instead of the contributed ones");
		}
		if (!dropped.isEmpty()) {
			logger.debug("Client context of function '" + functionName + "' dropped contributed custom values "
					+ dropped + ": with them it would be " + wouldBe
					+ " bytes once base64-encoded; Lambda allows at most " + InvocationLimits.CLIENT_CONTEXT_MAX_BYTES);
		}
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

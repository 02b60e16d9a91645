package io.github.lambdainvoker.invoke;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Data about the invoking client that Lambda hands to a synchronously invoked function as
 * its context object. Sent as base64-encoded JSON in {@code X-Amz-Client-Context} with
 * the sections {@code custom}, {@code env} and {@code client}.
 *
 * @param custom application-defined values
 * @param env environment values, such as {@code platform} or {@code locale}
 * @param client client values, such as {@code app_title} or {@code installation_id}
 */
public record ClientContext(Map<String, String> custom, Map<String, String> env, Map<String, String> client) {

	/** A client context with no values. */
	public static final ClientContext EMPTY = new ClientContext(Map.of(), Map.of(), Map.of());

	public ClientContext {
		custom = copy(custom);
		env = copy(env);
		client = copy(client);
	}

	/**
	 * Create a client context with only {@code custom} values.
	 * @param custom the custom values
	 * @return the client context
	 */
	public static ClientContext ofCustom(Map<String, String> custom) {
		return new ClientContext(custom, Map.of(), Map.of());
	}

	/**
	 * Whether every section is empty.
	 * @return {@code true} if nothing would be sent
	 */
	public boolean isEmpty() {
		return this.custom.isEmpty() && this.env.isEmpty() && this.client.isEmpty();
	}

	/**
	 * Return this client context as Lambda's {@code X-Amz-Client-Context} header carries
	 * it: its JSON, base64-encoded.
	 * @param function the function the context is for, named in the error
	 * @return the header value
	 * @throws LambdaValidationException if the encoded context is larger than the 3,583
	 * bytes Lambda allows
	 */
	public String encode(String function) {
		return ClientContextEncoder.SHARED.encode(function, this);
	}

	/**
	 * Return a client context whose sections hold this context's values overlaid with the
	 * given context's values, which win where keys are the same.
	 * @param overrides the values that take precedence
	 * @return the merged client context
	 */
	public ClientContext mergedWith(ClientContext overrides) {
		if (overrides.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return overrides;
		}
		return new ClientContext(merge(this.custom, overrides.custom), merge(this.env, overrides.env),
				merge(this.client, overrides.client));
	}

	private static Map<String, String> merge(Map<String, String> base, Map<String, String> overrides) {
		Map<String, String> merged = new LinkedHashMap<>(base);
		merged.putAll(overrides);
		return merged;
	}

	private static Map<String, String> copy(Map<String, String> map) {
		return (map == null || map.isEmpty()) ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Sets JVM system properties for a test, such as the SDK's {@code aws.configFile}, and
 * puts back the values they had before.
 */
final class SystemProperties {

	private final Map<String, @Nullable String> previous = new LinkedHashMap<>();

	void set(String name, String value) {
		if (!this.previous.containsKey(name)) {
			this.previous.put(name, System.getProperty(name));
		}
		System.setProperty(name, value);
	}

	void restore() {
		this.previous.forEach((name, value) -> {
			if (value != null) {
				System.setProperty(name, value);
			}
			else {
				System.clearProperty(name);
			}
		});
		this.previous.clear();
	}

}

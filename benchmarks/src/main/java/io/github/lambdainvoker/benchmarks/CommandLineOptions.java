package io.github.lambdainvoker.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of the benchmarks' main classes: {@code --name=value}, or {@code --name}
 * alone for {@code true}.
 */
public final class CommandLineOptions {

	private CommandLineOptions() {
	}

	/**
	 * Read options from command-line arguments.
	 * @param args the arguments
	 * @return the values by option name, in the order given
	 * @throws IllegalArgumentException if an argument does not start with {@code --}
	 */
	public static Map<String, String> parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument '" + arg + "'; options look like --name=value");
			}
			int equals = arg.indexOf('=');
			values.put((equals > 0) ? arg.substring(2, equals) : arg.substring(2),
					(equals > 0) ? arg.substring(equals + 1) : "true");
		}
		return values;
	}

}

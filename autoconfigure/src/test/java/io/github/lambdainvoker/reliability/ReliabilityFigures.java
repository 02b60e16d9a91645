package io.github.lambdainvoker.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the figures of one reliability suite to {@code target/reliability/<suite>.txt},
 * one {@code name=value} a line, for {@code docs/reliability.md}.
 */
final class ReliabilityFigures {

	private static final Path DIRECTORY = Path.of("target", "reliability");

	private ReliabilityFigures() {
	}

	static void write(String suite, Map<String, ?> figures) {
		try {
			Files.createDirectories(DIRECTORY);
			String text = figures.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + "=" + entry.getValue())
				.collect(Collectors.joining("\n", "", "\n"));
			Files.writeString(DIRECTORY.resolve(suite + ".txt"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

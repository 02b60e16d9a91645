package io.github.lambdainvoker.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user documentation: {@code README.md} and {@code docs/*.md}, and the fenced code
 * blocks in them.
 */
final class MarkdownPages {

	private static final Pattern FENCE = Pattern.compile("^( *)(`{3,}|~{3,})\\s*([\\w+-]*).*$");

	private MarkdownPages() {
	}

	/**
	 * Return the root of the project, where {@code README.md} and {@code docs/} are.
	 * @return the project's root directory
	 */
	static Path root() {
		String root = System.getProperty("docs.root");
		return Path.of((root != null) ? root : "..").toAbsolutePath().normalize();
	}

	/**
	 * Return every page of the user documentation.
	 * @return the pages, README first
	 */
	static List<Path> pages() {
		Path root = root();
		List<Path> pages = new ArrayList<>();
		pages.add(root.resolve("README.md"));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pages;
	}

	/**
	 * Return the fenced code blocks of a page, in page order.
	 * @param page the page
	 * @return its code blocks
	 */
	static List<CodeBlock> codeBlocks(Path page) {
		List<String> lines = readLines(page);
		List<CodeBlock> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				continue;
			}
			int indent = open.group(1).length();
			String fence = open.group(2);
			StringBuilder code = new StringBuilder();
			int start = i + 1;
			i++;
			while (i < lines.size() && !isClosing(lines.get(i), fence)) {
				String line = lines.get(i);
				code.append(line, Math.min(indent, leadingSpaces(line)), line.length()).append('\n');
				i++;
			}
			blocks.add(new CodeBlock(root().relativize(page).toString(), start + 1, open.group(3), code.toString()));
		}
		return blocks;
	}

	private static boolean isClosing(String line, String fence) {
		String trimmed = line.strip();
		return trimmed.startsWith(fence) && trimmed.chars().allMatch((c) -> c == fence.charAt(0));
	}

	private static int leadingSpaces(String line) {
		int count = 0;
		while (count < line.length() && line.charAt(count) == ' ') {
			count++;
		}
		return count;
	}

	private static List<String> readLines(Path page) {
		try {
			return Files.readAllLines(page);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fenced code block.
	 *
	 * @param page the page, relative to the project's root
	 * @param line the line of the page where the block's code starts
	 * @param language the block's language, empty when the fence names none
	 * @param code the code, with the block's indentation removed
	 */
	record CodeBlock(String page, int line, String language, String code) {

		@Override
		public String toString() {
			return this.page + ":" + this.line;
		}

	}

}

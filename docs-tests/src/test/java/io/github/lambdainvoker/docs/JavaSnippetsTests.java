package io.github.lambdainvoker.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.lambdainvoker.docs.MarkdownPages.CodeBlock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every {@code java} block of {@code README.md} and {@code docs/*.md} against
 * the modules, so that a snippet that does not compile fails the build. A block made of
 * {@code import} lines only states the imports of its page, which every other block of
 * the page without imports of its own gets (see {@link SnippetCompiler} for how fragments
 * are wrapped).
 */
class JavaSnippetsTests {

	private final SnippetCompiler compiler = new SnippetCompiler();

	@TestFactory
	Stream<DynamicTest> everyJavaSnippetCompiles() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path page : MarkdownPages.pages()) {
			List<CodeBlock> snippets = MarkdownPages.codeBlocks(page)
				.stream()
				.filter((block) -> block.language().equals("java"))
				.toList();
			List<String> pageImports = snippets.stream()
				.filter(JavaSnippetsTests::isImportsOnly)
				.flatMap((block) -> block.code().lines())
				.filter((line) -> !line.isBlank())
				.toList();
			for (CodeBlock snippet : snippets) {
				tests.add(DynamicTest.dynamicTest(snippet.toString(),
						() -> assertThat(this.compiler.compile(snippet, pageImports))
							.as("compilation errors of the snippet at %s", snippet)
							.isEmpty()));
			}
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	private static boolean isImportsOnly(CodeBlock block) {
		return block.code().lines().allMatch((line) -> line.isBlank() || line.startsWith("import "));
	}

}

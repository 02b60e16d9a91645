package io.github.lambdainvoker.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;

/**
 * Compiles the Java snippets of the documentation in process, against the test class
 * path, in package {@code com.example} (where the application types the snippets assume,
 * such as {@code Quote}, live).
 * <p>
 * A snippet's own leading {@code import} lines are its imports; a snippet without any
 * gets the imports of its page. What follows the imports is compiled as:
 * <ol>
 * <li>a source file, when it is one (type declarations);</li>
 * <li>otherwise the members of a type: an interface when every method in it is abstract
 * (methods of a client interface), else a class extending {@code SnippetContext};</li>
 * <li>otherwise the statements of a method of such a class.</li>
 * </ol>
 */
final class SnippetCompiler {

	private static final String PACKAGE = "package com.example;";

	private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();

	private final StandardJavaFileManager fileManager;

	private final List<String> options = List.of("-proc:none", "-Xlint:none", "-implicit:none", "--release", "17");

	SnippetCompiler() {
		this.fileManager = this.compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
		List<File> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.map(File::new)
			.toList();
		try {
			this.fileManager.setLocation(StandardLocation.CLASS_PATH, classPath);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Compile a snippet.
	 * @param snippet the snippet
	 * @param pageImports the imports of the snippet's page
	 * @return the errors, each naming its line in the page; empty when the snippet
	 * compiles
	 */
	List<String> compile(MarkdownPages.CodeBlock snippet, List<String> pageImports) {
		List<String> lines = List.of(snippet.code().split("\n", -1));
		int firstBodyLine = 0;
		List<String> ownImports = new ArrayList<>();
		while (firstBodyLine < lines.size() && isImportOrBlank(lines.get(firstBodyLine))) {
			if (!lines.get(firstBodyLine).isBlank()) {
				ownImports.add(lines.get(firstBodyLine));
			}
			firstBodyLine++;
		}
		List<String> imports = ownImports.isEmpty() ? pageImports : ownImports;
		List<String> body = lines.subList(firstBodyLine, lines.size());
		Source source = shape(imports, body);
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try {
			task(source, diagnostics).analyze();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> errors = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
				errors.add(describe(snippet, source, firstBodyLine, diagnostic));
			}
		}
		return errors;
	}

	private static boolean isImportOrBlank(String line) {
		return line.isBlank() || line.startsWith("import ");
	}

	private Source shape(List<String> imports, List<String> body) {
		Source unit = new Source(imports, List.of(), body, List.of());
		CompilationUnitTree parsed = parse(unit);
		if (parsed != null && !parsed.getTypeDecls().isEmpty()) {
			return unit;
		}
		Source members = new Source(imports, List.of("class Snippet extends SnippetContext {"), body, List.of("}"));
		parsed = parse(members);
		if (parsed != null) {
			ClassTree type = (ClassTree) parsed.getTypeDecls().get(0);
			return onlyAbstractMethods(type) ? new Source(imports, List.of("interface Snippet {"), body, List.of("}"))
					: members;
		}
		return new Source(imports,
				List.of("class Snippet extends SnippetContext {", "void snippet() throws Exception {"), body,
				List.of("}", "}"));
	}

	private static boolean onlyAbstractMethods(ClassTree type) {
		return type.getMembers()
			.stream()
			.allMatch((member) -> member.getKind() == Tree.Kind.METHOD && ((MethodTree) member).getBody() == null);
	}

	private CompilationUnitTree parse(Source source) {
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		try {
			List<CompilationUnitTree> units = new ArrayList<>();
			task(source, diagnostics).parse().forEach(units::add);
			boolean failed = diagnostics.getDiagnostics()
				.stream()
				.anyMatch((diagnostic) -> diagnostic.getKind() == Diagnostic.Kind.ERROR);
			return (failed || units.isEmpty()) ? null : units.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JavacTask task(Source source, DiagnosticCollector<JavaFileObject> diagnostics) {
		return (JavacTask) this.compiler.getTask(null, this.fileManager, diagnostics, this.options, null,
				List.of(source));
	}

	private static String describe(MarkdownPages.CodeBlock snippet, Source source, int firstBodyLine,
			Diagnostic<? extends JavaFileObject> diagnostic) {
		int line = (int) diagnostic.getLineNumber();
		int bodyIndex = line - 1 - source.bodyOffset();
		String where = (bodyIndex >= 0 && bodyIndex < source.bodyLength())
				? snippet.page() + ":" + (snippet.line() + firstBodyLine + bodyIndex)
				: snippet + " (" + source.lineAt(line) + ")";
		return where + ": " + diagnostic.getMessage(Locale.ROOT);
	}

	/**
	 * A snippet laid out as a source file: package, imports, the wrapper's opening lines,
	 * the snippet, the wrapper's closing lines.
	 */
	private static final class Source extends SimpleJavaFileObject {

		private final List<String> lines = new ArrayList<>();

		private final int bodyOffset;

		private final int bodyLength;

		Source(List<String> imports, List<String> open, List<String> body, List<String> close) {
			super(URI.create("string:///com/example/Snippet.java"), Kind.SOURCE);
			this.lines.add(PACKAGE);
			this.lines.addAll(imports);
			this.lines.addAll(open);
			this.bodyOffset = this.lines.size();
			this.bodyLength = body.size();
			this.lines.addAll(body);
			this.lines.addAll(close);
		}

		int bodyOffset() {
			return this.bodyOffset;
		}

		int bodyLength() {
			return this.bodyLength;
		}

		String lineAt(int line) {
			return (line >= 1 && line <= this.lines.size()) ? this.lines.get(line - 1).strip() : "";
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return String.join("\n", this.lines);
		}

		@Override
		public boolean isNameCompatible(String simpleName, Kind kind) {
			// A snippet may declare several public types, none of them named Snippet.
			return true;
		}

	}

}

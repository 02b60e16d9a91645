package io.github.lambdainvoker.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the BOM ({@code bom/pom.xml}), which has no parent, in step with the build: same
 * version and project metadata, every published module pinned, and the AWS SDK version
 * the modules are built and tested with.
 */
class BomTests {

	private static final String GROUP_ID = "io.github.lambdainvoker";

	private final Element root = read(MarkdownPages.root().resolve("pom.xml"));

	private final Element bom = read(MarkdownPages.root().resolve("bom/pom.xml"));

	@Test
	void bomHasNoParentSoNoDependencyManagementLeaksIntoApplications() {
		assertThat(child(this.bom, "parent")).isNull();
		assertThat(text(this.bom, "groupId")).isEqualTo(text(this.root, "groupId"));
		assertThat(text(this.bom, "version")).isEqualTo(text(this.root, "version"));
	}

	@Test
	void bomPinsEveryPublishedModule() {
		List<String> published = new ArrayList<>();
		for (Element module : children(child(this.root, "modules"), "module")) {
			Element pom = read(MarkdownPages.root().resolve(module.getTextContent().strip()).resolve("pom.xml"));
			boolean deployed = child(pom, "parent") != null && !"pom".equals(text(pom, "packaging"))
					&& !"true".equals(text(child(pom, "properties"), "maven.deploy.skip"));
			if (deployed) {
				published.add(text(pom, "artifactId"));
			}
		}
		List<String> pinned = new ArrayList<>();
		for (Element dependency : children(child(child(this.bom, "dependencyManagement"), "dependencies"),
				"dependency")) {
			if (GROUP_ID.equals(text(dependency, "groupId"))) {
				assertThat(text(dependency, "version")).isEqualTo("${project.version}");
				pinned.add(text(dependency, "artifactId"));
			}
		}
		assertThat(published).contains("lambda-invoker-spring-boot-starter", "lambda-invoker-local");
		assertThat(pinned).containsExactlyInAnyOrderElementsOf(published);
	}

	@Test
	void bomImportsTheAwsSdkBomTheModulesAreTestedWith() {
		Element sdkBom = children(child(child(this.bom, "dependencyManagement"), "dependencies"), "dependency").stream()
			.filter((dependency) -> "software.amazon.awssdk".equals(text(dependency, "groupId"))
					&& "bom".equals(text(dependency, "artifactId")))
			.findFirst()
			.orElseThrow();
		assertThat(text(sdkBom, "scope")).isEqualTo("import");
		assertThat(text(sdkBom, "version")).isEqualTo("${aws-sdk.version}");
		assertThat(text(child(this.bom, "properties"), "aws-sdk.version"))
			.isEqualTo(System.getProperty("build.aws-sdk.version"))
			.isEqualTo(text(child(this.root, "properties"), "aws-sdk.version"));
	}

	@Test
	void bomStatesTheProjectMetadataOfTheBuild() {
		for (String element : List.of("url", "licenses", "developers", "scm", "issueManagement")) {
			assertThat(normalized(child(this.bom, element))).as(element)
				.isNotEmpty()
				.isEqualTo(normalized(child(this.root, element)));
		}
	}

	private static String normalized(Element element) {
		return (element != null) ? element.getTextContent().replaceAll("\\s+", " ").strip() : "";
	}

	private static Element read(Path pom) {
		try {
			Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
			return document.getDocumentElement();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read " + pom, ex);
		}
	}

	private static Element child(Element parent, String name) {
		List<Element> children = (parent != null) ? children(parent, name) : List.of();
		return children.isEmpty() ? null : children.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && element.getTagName().equals(name)) {
				children.add(element);
			}
		}
		return children;
	}

	private static String text(Element parent, String name) {
		Element child = child(parent, name);
		return (child != null) ? child.getTextContent().strip() : null;
	}

}

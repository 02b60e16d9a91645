package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} and the generated configuration metadata in step:
 * every property the build generates metadata for is documented, with its type and its
 * default value.
 */
class ConfigurationDocumentationTests {

	private static final Path DOCS = Path.of("..", "docs", "configuration.md");

	private static final Pattern ROW = Pattern.compile("^\\| `([a-z][^`]*)` \\| ([^|]*) \\| ([^|]*) \\|.*$");

	private static final Pattern CODE = Pattern.compile("`([^`]*)`");

	private static final Map<String, String> PRIMITIVES = Map.of("Boolean", "boolean", "Integer", "int", "Long", "long",
			"Double", "double");

	@Test
	void everyGeneratedPropertyIsDocumented() throws IOException {
		Map<String, DocumentedProperty> documented = documentedProperties();
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : generatedProperties()) {
			String name = documentedName(property);
			if (!documented.containsKey(name)) {
				undocumented.add(name);
			}
		}
		assertThat(undocumented).as("properties missing from the table of %s", DOCS).isEmpty();
	}

	@Test
	void documentedTypesAreTheGeneratedTypes() throws IOException {
		Map<String, DocumentedProperty> documented = documentedProperties();
		List<String> wrong = new ArrayList<>();
		for (JsonNode property : generatedProperties()) {
			DocumentedProperty row = documented.get(documentedName(property));
			String type = property.path("type").asString();
			if (row != null && !typeMatches(row.type(), type)) {
				wrong.add(row.name() + ": documented " + row.type() + ", generated " + type);
			}
		}
		assertThat(wrong).as("types in %s", DOCS).isEmpty();
	}

	@Test
	void documentedDefaultsAreTheGeneratedDefaults() throws IOException {
		Map<String, DocumentedProperty> documented = documentedProperties();
		List<String> wrong = new ArrayList<>();
		for (JsonNode property : generatedProperties()) {
			DocumentedProperty row = documented.get(documentedName(property));
			JsonNode defaultValue = property.get("defaultValue");
			if (row != null && !defaultMatches(row.defaultValue(), defaultValue)) {
				wrong.add(row.name() + ": documented " + row.defaultValue() + ", generated "
						+ ((defaultValue != null) ? defaultValue : "none"));
			}
		}
		assertThat(wrong).as("defaults in %s", DOCS).isEmpty();
	}

	@Test
	void typesAndDefaultsAreComparedAsWritten() {
		assertThat(typeMatches("Duration", "java.time.Duration")).isTrue();
		assertThat(typeMatches("boolean", "java.lang.Boolean")).isTrue();
		assertThat(typeMatches("Map", "java.util.Map<java.lang.String,java.lang.String>")).isTrue();
		assertThat(typeMatches("`none`, `tail`", "io.github.lambdainvoker.invoke.LogType")).isTrue();
		assertThat(typeMatches("`none`", "io.github.lambdainvoker.invoke.LogType")).isFalse();
		assertThat(typeMatches("String", "java.time.Duration")).isFalse();
		JsonMapper json = JsonMapper.shared();
		assertThat(defaultMatches("`2.0`", json.readTree("2"))).isTrue();
		assertThat(defaultMatches("`5s`", json.readTree("\"5s\""))).isTrue();
		assertThat(defaultMatches("`3`", json.readTree("2"))).isFalse();
		assertThat(defaultMatches("no limit", null)).isTrue();
		assertThat(defaultMatches("`0`", null)).isFalse();
		assertThat(defaultMatches("none", json.readTree("true"))).isFalse();
	}

	private static boolean typeMatches(String documented, String generated) {
		String type = generated.replaceAll("<.*>", "");
		Class<?> enumType = enumType(type);
		if (enumType != null) {
			Set<String> values = Stream.of(enumType.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.toSet());
			return codeSpans(documented).equals(values);
		}
		String simpleName = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
		String written = documented.replace("`", "").strip();
		return written.equals(simpleName) || written.equals(PRIMITIVES.get(simpleName));
	}

	private static Class<?> enumType(String type) {
		try {
			Class<?> candidate = Class.forName(type);
			return candidate.isEnum() ? candidate : null;
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	private static boolean defaultMatches(String documented, JsonNode generated) {
		Matcher code = CODE.matcher(documented.strip());
		boolean startsWithValue = code.lookingAt();
		if (generated == null || generated.isNull()) {
			// Without a generated default the docs describe the behaviour in words.
			return !startsWithValue;
		}
		if (!startsWithValue) {
			return false;
		}
		String value = code.group(1);
		if (generated.isNumber()) {
			return value.matches("-?[0-9.]+") && new BigDecimal(value).compareTo(generated.decimalValue()) == 0;
		}
		return value.equals(generated.asString());
	}

	private static Set<String> codeSpans(String text) {
		Set<String> spans = new HashSet<>();
		Matcher matcher = CODE.matcher(text);
		while (matcher.find()) {
			spans.add(matcher.group(1));
		}
		return spans;
	}

	private static String documentedName(JsonNode property) {
		return property.get("name").asString().replace("aws.lambda.defaults.", "aws.lambda.<layer>.");
	}

	private static Map<String, DocumentedProperty> documentedProperties() throws IOException {
		Map<String, DocumentedProperty> properties = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DOCS)) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				properties.put(row.group(1), new DocumentedProperty(row.group(1), row.group(2), row.group(3)));
			}
		}
		return properties;
	}

	private static List<JsonNode> generatedProperties() throws IOException {
		JsonNode metadata;
		try (InputStream stream = ConfigurationDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(stream).as("generated configuration metadata").isNotNull();
			metadata = JsonMapper.shared().readTree(stream);
		}
		List<JsonNode> properties = new ArrayList<>();
		metadata.get("properties").forEach(properties::add);
		assertThat(properties).isNotEmpty();
		return properties;
	}

	private record DocumentedProperty(String name, String type, String defaultValue) {

	}

}

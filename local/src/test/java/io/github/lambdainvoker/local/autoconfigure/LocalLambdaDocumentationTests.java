package io.github.lambdainvoker.local.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the property table of {@code docs/local-emulator.md} in step with
 * {@link LocalLambdaProperties}.
 */
class LocalLambdaDocumentationTests {

	private static final Path DOCS = Path.of("..", "docs", "local-emulator.md");

	@Test
	void everyPropertyIsDocumented() throws IOException {
		String docs = Files.readString(DOCS);
		List<String> properties = new ArrayList<>(generatedProperties());
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(LocalLambdaProperties.Function.class)) {
			if (descriptor.getWriteMethod() != null) {
				properties.add("aws.lambda.local.functions.<name>." + kebabCase(descriptor.getName()));
			}
		}
		assertThat(properties).filteredOn((property) -> !docs.contains("`" + property))
			.as("properties missing from %s", DOCS)
			.isEmpty();
	}

	private static List<String> generatedProperties() throws IOException {
		try (InputStream stream = LocalLambdaDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(stream).as("generated configuration metadata").isNotNull();
			List<String> names = new ArrayList<>();
			for (JsonNode property : JsonMapper.shared().readTree(stream).get("properties")) {
				names.add(property.get("name").asString());
			}
			return names;
		}
	}

	private static String kebabCase(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

}

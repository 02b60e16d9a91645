package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/configuration.md} and the generated configuration metadata in step:
 * every property the build generates metadata for is documented.
 */
class ConfigurationDocumentationTests {

	private static final Path DOCS = Path.of("..", "docs", "configuration.md");

	@Test
	void everyGeneratedPropertyIsDocumented() throws IOException {
		String docs = Files.readString(DOCS);
		List<String> undocumented = new ArrayList<>();
		for (String property : generatedProperties()) {
			String documented = property.replace("aws.lambda.defaults.", "aws.lambda.<layer>.");
			if (!docs.contains("`" + documented + "`")) {
				undocumented.add(documented);
			}
		}
		assertThat(undocumented).as("properties missing from %s", DOCS).isEmpty();
	}

	private static List<String> generatedProperties() throws IOException {
		JsonNode metadata;
		try (InputStream stream = ConfigurationDocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(stream).as("generated configuration metadata").isNotNull();
			metadata = JsonMapper.shared().readTree(stream);
		}
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			names.add(property.get("name").asString());
		}
		assertThat(names).isNotEmpty();
		return names;
	}

}

package io.github.lambdainvoker.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.lambdainvoker.docs.MarkdownPages.CodeBlock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Binds every {@code yaml} and {@code properties} block of {@code README.md} and
 * {@code docs/*.md} that sets {@code aws.lambda} keys to the configuration properties
 * classes of the modules, with no unknown key allowed. The classes and their prefixes
 * come from the configuration metadata the modules generate, so new ones are checked too.
 */
class ConfigurationSnippetsTests {

	private static final ConfigurationPropertyName AWS_LAMBDA = ConfigurationPropertyName.of("aws.lambda");

	private static final Map<ConfigurationPropertyName, Class<?>> PROPERTIES_CLASSES = propertiesClasses();

	@Test
	void propertiesClassesAreFoundInTheGeneratedMetadata() {
		assertThat(PROPERTIES_CLASSES.keySet()).extracting(ConfigurationPropertyName::toString)
			.contains("aws.lambda", "aws.lambda.health", "aws.lambda.observations", "aws.lambda.local");
	}

	@TestFactory
	Stream<DynamicTest> everyConfigurationSnippetBindsWithoutUnknownKeys() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Path page : MarkdownPages.pages()) {
			for (CodeBlock block : MarkdownPages.codeBlocks(page)) {
				PropertySourceLoader loader = loader(block.language());
				if (loader == null) {
					continue;
				}
				IterableConfigurationPropertySource source = load(loader, block);
				if (source.stream().anyMatch(AWS_LAMBDA::isAncestorOf)) {
					tests.add(DynamicTest.dynamicTest(block.toString(), () -> bindEveryPrefix(block, source)));
				}
			}
		}
		assertThat(tests).isNotEmpty();
		return tests.stream();
	}

	@Test
	void unknownKeysFailTheBinding() {
		CodeBlock block = new CodeBlock("example.md", 1, "yaml",
				"aws:\n  lambda:\n    functions:\n      pricing:\n        log-tail: true\n");
		IterableConfigurationPropertySource source = load(new YamlPropertySourceLoader(), block);
		Binder binder = new Binder(source);
		assertThat(PROPERTIES_CLASSES).containsKey(AWS_LAMBDA);
		assertThatException()
			.isThrownBy(() -> binder.bind(AWS_LAMBDA, Bindable.of(PROPERTIES_CLASSES.get(AWS_LAMBDA)),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT)))
			.withStackTraceContaining("aws.lambda.functions.pricing.log-tail");
	}

	private static void bindEveryPrefix(CodeBlock block, IterableConfigurationPropertySource source) {
		PROPERTIES_CLASSES.forEach((prefix, type) -> {
			// Keys under a longer prefix belong to another class and are checked with it.
			ConfigurationPropertySource own = source.filter((name) -> ownedBy(prefix, name));
			Binder binder = new Binder(own);
			assertThatNoException().as("binding %s of %s to %s", prefix, block, type.getSimpleName())
				.isThrownBy(() -> binder.bind(prefix, Bindable.of(type),
						new NoUnboundElementsBindHandler(BindHandler.DEFAULT)));
		});
	}

	private static boolean ownedBy(ConfigurationPropertyName prefix, ConfigurationPropertyName name) {
		if (!prefix.isAncestorOf(name)) {
			return false;
		}
		return PROPERTIES_CLASSES.keySet()
			.stream()
			.noneMatch((other) -> prefix.isAncestorOf(other) && (other.equals(name) || other.isAncestorOf(name)));
	}

	private static PropertySourceLoader loader(String language) {
		return switch (language) {
			case "yaml", "yml" -> new YamlPropertySourceLoader();
			case "properties" -> new PropertiesPropertySourceLoader();
			default -> null;
		};
	}

	private static IterableConfigurationPropertySource load(PropertySourceLoader loader, CodeBlock block) {
		ByteArrayResource resource = new ByteArrayResource(block.code().getBytes(StandardCharsets.UTF_8),
				block.toString());
		try {
			List<PropertySource<?>> loaded = loader.load(block.toString(), resource);
			assertThat(loaded).as("documents in %s", block).hasSize(1);
			return (IterableConfigurationPropertySource) ConfigurationPropertySource.from(loaded.get(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<ConfigurationPropertyName, Class<?>> propertiesClasses() {
		Map<ConfigurationPropertyName, Class<?>> classes = new LinkedHashMap<>();
		try {
			for (URL url : Collections.list(ConfigurationSnippetsTests.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream stream = url.openStream()) {
					for (JsonNode group : JsonMapper.shared().readTree(stream).path("groups")) {
						String name = group.path("name").asString();
						boolean propertiesClass = group.path("sourceMethod").isMissingNode()
								&& group.path("type").asString().equals(group.path("sourceType").asString());
						if (propertiesClass && name.startsWith("aws.lambda")) {
							classes.put(ConfigurationPropertyName.of(name),
									Class.forName(group.path("type").asString()));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
		return classes;
	}

}

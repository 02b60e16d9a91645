package io.github.lambdainvoker.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the public surface a conscious choice: the public top-level types of the module
 * are exactly those {@code docs/api.md} lists for its packages, each as API or SPI.
 */
class PublicApiTests {

	private static final Path API_DOCS = Path.of("..", "docs", "api.md");

	private static final Pattern SECTION = Pattern.compile("^## `([a-z.]+)`");

	private static final Pattern ROW = Pattern.compile("^\\| `([A-Za-z]+)` \\| (API|SPI) \\|");

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.lambdainvoker");

	@Test
	void everyPublicTypeIsListedOnTheApiPage() throws IOException {
		Set<String> undocumented = publicTypes();
		undocumented.removeAll(documentedTypes());
		assertThat(undocumented).as("public types missing from docs/api.md: list them or make them package-private")
			.isEmpty();
	}

	@Test
	void everyTypeOnTheApiPageIsPublic() throws IOException {
		Set<String> notPublic = documentedTypes();
		notPublic.removeAll(publicTypes());
		assertThat(notPublic).as("types in docs/api.md that are not public types of the module").isEmpty();
	}

	@Test
	void apiPageListsEachTypeOnce() throws IOException {
		assertThat(documentedRows()).doesNotHaveDuplicates();
	}

	private static Set<String> publicTypes() {
		Set<String> names = new TreeSet<>();
		for (JavaClass type : classes) {
			if (type.getModifiers().contains(JavaModifier.PUBLIC) && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info")) {
				names.add(type.getName());
			}
		}
		return names;
	}

	private static boolean isModulePackage(@Nullable String section) {
		return section == null || classes.containPackage(section);
	}

	private static Set<String> documentedTypes() throws IOException {
		return new TreeSet<>(documentedRows());
	}

	private static List<String> documentedRows() throws IOException {
		List<String> names = new ArrayList<>();
		String section = null;
		for (String line : Files.readAllLines(API_DOCS)) {
			Matcher heading = SECTION.matcher(line);
			if (heading.find()) {
				section = heading.group(1);
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (row.find() && isModulePackage(section)) {
				assertThat(section).as("section of " + row.group(1)).isNotNull();
				names.add(section + "." + row.group(1));
			}
		}
		return names;
	}

}

package io.github.lambdainvoker.client;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Tests that the client package sits between the core and the auto-configuration: it uses
 * the core, and neither the core nor the client package knows the auto-configuration.
 */
class ClientPackageDependencyTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.lambdainvoker");

	@Test
	void invokePackageDoesNotDependOnClientOrAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.lambdainvoker.invoke..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.lambdainvoker.client..", "io.github.lambdainvoker.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void clientPackageDoesNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("io.github.lambdainvoker.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.lambdainvoker.autoconfigure..")
			.check(CLASSES);
	}

}

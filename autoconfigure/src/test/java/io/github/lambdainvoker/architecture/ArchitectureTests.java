package io.github.lambdainvoker.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The few architecture rules that matter: no package cycles, the core does not know the
 * auto-configuration, auto-configuration classes are final.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.lambdainvoker");

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.github.lambdainvoker.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void invokePackageDoesNotDependOnAutoConfigurationOrClients() {
		noClasses().that()
			.resideInAPackage("io.github.lambdainvoker.invoke..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.github.lambdainvoker.autoconfigure..", "io.github.lambdainvoker.client..")
			.check(classes);
	}

	@Test
	void autoConfigurationClassesArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.haveModifier(JavaModifier.FINAL)
			.andShould()
			.bePublic()
			.check(classes);
	}

}

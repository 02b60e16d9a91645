package io.github.lambdainvoker.client;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.reactivex.rxjava3.core.Single;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that Reactor and Kotlin stay optional: clients without reactive or
 * {@code suspend} methods need neither, and a method that needs one fails start-up with a
 * clear message when it is missing.
 */
class OptionalReactiveAndKotlinTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.lambdainvoker");

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock);

	@Test
	void onlyTheReactiveReturnAdapterUsesReactor() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(ReactiveReturnAdapter.class.getName())
			.and()
			.doNotHaveFullyQualifiedName(ReactiveReturnAdapter.ChunkType.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage("reactor..")
			.check(CLASSES);
	}

	@Test
	void onlyTheSuspendingReturnAdapterUsesKotlin() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(SuspendingReturnAdapter.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("kotlin..", "kotlinx..")
			.check(CLASSES);
	}

	@Test
	void clientWithoutReactiveMethodsNeedsNoReactor() {
		this.contextRunner.run((context) -> {
			Map<Method, ClientMethodPlan> plans = new ClientMethodParser(BlockingPricingFunctions.class,
					context.getBean(LambdaInvoker.class), null, withoutReactorOrCoroutines())
				.parse();
			assertThat(plans).hasSize(2).allSatisfy((method, plan) -> assertThat(plan.returnAdapter()).isNull());
		});
	}

	@Test
	void reactiveMethodWithoutReactorFailsStartUp() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> new ClientMethodParser(RxPricingFunctions.class, context.getBean(LambdaInvoker.class),
					null, withoutReactorOrCoroutines())
				.parse())
			.withMessage("@LambdaClient method " + RxPricingFunctions.class.getName()
					+ ".quote(QuoteRequest) returns io.reactivex.rxjava3.core.Single<" + Quote.class.getName()
					+ ">, a reactive type, which needs Project Reactor (io.projectreactor:reactor-core) on the "
					+ "class path"));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static ClassLoader withoutReactorOrCoroutines() {
		return new FilteredClassLoader("reactor.", "kotlinx.coroutines.");
	}

	@LambdaClient("pricing")
	public interface BlockingPricingFunctions {

		Quote quote(QuoteRequest request);

		CompletableFuture<Quote> quoteAsync(QuoteRequest request);

	}

	@LambdaClient("pricing")
	public interface RxPricingFunctions {

		Single<Quote> quote(QuoteRequest request);

	}

}

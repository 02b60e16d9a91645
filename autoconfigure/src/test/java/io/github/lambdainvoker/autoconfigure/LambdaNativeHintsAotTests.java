package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.autoconfigure.clients.typed.TypedQuoteFunctions;
import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that processing an application context with clients ahead of time registers every
 * runtime hint a native image needs: the client proxy, its payload and result types, the
 * properties and the starter's own types.
 */
class LambdaNativeHintsAotTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withUserConfiguration(ApplicationConfiguration.class);

	@Test
	void aotProcessingRegistersHintsForClientsPayloadsResultsAndProperties() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(TypedQuoteFunctions.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypedQuoteFunctions.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypedQuoteFunctions.QuoteRequest.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypedQuoteFunctions.Quote.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypedQuoteFunctions.Money.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaResponse.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaProperties.Function.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaProperties.Retry.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaProperties.Http.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ClientContext.class)).accepts(hints);
	}

	@Test
	void runtimeHintsRegistrarIsListedInAotFactories() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anyMatch(LambdaRuntimeHints.class::isInstance);
	}

	@Test
	void runtimeHintsRegisterTheStarterTypes() {
		RuntimeHints hints = new RuntimeHints();
		new LambdaRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(ClientContext.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(LambdaRuntimeHints.APACHE5_HTTP_CLIENT)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(LambdaSdkClients.NETTY_HTTP_CLIENT)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(RoutePlanner.STS_CLIENT)))
			.accepts(hints);
	}

	private RuntimeHints processAheadOfTime() {
		TestGenerationContext generationContext = new TestGenerationContext(LambdaNativeHintsAotTests.class);
		this.contextRunner.prepare((context) -> new ApplicationContextAotGenerator()
			.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generationContext));
		return generationContext.getRuntimeHints();
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = TypedQuoteFunctions.class)
	static class ApplicationConfiguration {

		@Bean
		AwsCredentialsProvider credentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));
		}

	}

}

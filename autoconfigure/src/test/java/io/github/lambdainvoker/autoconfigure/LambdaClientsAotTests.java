package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.autoconfigure.clients.scanned.ScannedPricingFunctions;
import io.github.lambdainvoker.client.LambdaClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the bean definitions of client interfaces are processed ahead of time
 * without custom code and that the generated context serves calls.
 */
@CompileWithForkedClassLoader
class LambdaClientsAotTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withUserConfiguration(ApplicationConfiguration.class);

	@Test
	void generatedContextCreatesClientsThroughTheClientFactory() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		TestGenerationContext generationContext = new TestGenerationContext(LambdaClientsAotTests.class);
		AtomicReference<ClassName> initializerName = new AtomicReference<>();
		this.contextRunner.prepare((context) -> initializerName.set(new ApplicationContextAotGenerator()
			.processAheadOfTime((GenericApplicationContext) context.getSourceApplicationContext(), generationContext)));
		generationContext.writeGeneratedContent();
		assertThat(generatedSources(generationContext))
			.contains("new RootBeanDefinition(ScannedPricingFunctions.class)")
			.contains("beanDefinition.setTargetType(ScannedPricingFunctions.class)")
			.contains(".getBean(\"lambdaClientFactory\", LambdaClientFactory.class).createClient(args.get(0))");
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(ScannedPricingFunctions.class))
			.accepts(generationContext.getRuntimeHints());
		// Compiled outside the runner, whose class loader would keep the generated
		// classes
		// out of the package of the package-private configuration they call.
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext generated = new GenericApplicationContext()) {
				TestPropertyValues.of("aws.lambda.region=us-east-1", "aws.lambda.endpoint=" + wireMock.baseUrl())
					.applyTo(generated);
				initializer(compiled.getInstance(ApplicationContextInitializer.class, initializerName.get().toString()))
					.initialize(generated);
				generated.refresh();
				RootBeanDefinition definition = (RootBeanDefinition) generated.getBeanFactory()
					.getMergedBeanDefinition("scannedPricingFunctions");
				assertThat(definition.getInstanceSupplier()).isNotNull();
				assertThat(definition.isFallback()).isTrue();
				ScannedPricingFunctions pricing = generated.getBean(ScannedPricingFunctions.class);
				assertThat(pricing).hasToString("LambdaClient[" + ScannedPricingFunctions.class.getName() + "]");
				assertThat(pricing.quote("sku-1")).isEqualTo("12.50");
				assertThat(onlyInvocation(wireMock, "pricing").getBodyAsString()).isEqualTo("sku-1");
				assertThat(generated.getBeanNamesForType(LambdaClientFactory.class))
					.containsExactly(LambdaClientFactory.BEAN_NAME);
			}
		});
	}

	private static String generatedSources(TestGenerationContext generationContext) {
		StringBuilder sources = new StringBuilder();
		generationContext.getGeneratedFiles().getGeneratedFiles(Kind.SOURCE).values().forEach((source) -> {
			try (InputStream content = source.getInputStream()) {
				sources.append(new String(content.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return sources.toString();
	}

	@SuppressWarnings("unchecked")
	private static ApplicationContextInitializer<GenericApplicationContext> initializer(
			ApplicationContextInitializer<?> initializer) {
		return (ApplicationContextInitializer<GenericApplicationContext>) initializer;
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ScannedPricingFunctions.class)
	static class ApplicationConfiguration {

		@Bean
		AwsCredentialsProvider credentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));
		}

	}

}

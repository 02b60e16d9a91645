package io.github.lambdainvoker.autoconfigure;

import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.autoconfigure.clients.explicit.ExplicitAuditFunctions;
import io.github.lambdainvoker.autoconfigure.clients.scanned.NotAClient;
import io.github.lambdainvoker.autoconfigure.clients.scanned.ScannedClientsConfiguration;
import io.github.lambdainvoker.autoconfigure.clients.scanned.ScannedPricingFunctions;
import io.github.lambdainvoker.autoconfigure.clients.scanned.nested.ScannedInventoryFunctions;
import io.github.lambdainvoker.client.EnableLambdaClients;
import io.github.lambdainvoker.client.InvalidLambdaClientException;
import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaClientFactory;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link LambdaClientsAutoConfiguration}: how client interfaces become beans.
 */
class LambdaClientsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=http://localhost:9")
		.withBean(AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")));

	@Test
	void clientFactoryIsRegisteredUnderTheNameClientBeanDefinitionsReferTo() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(LambdaClientFactory.class)
			.hasBean(LambdaClientFactory.BEAN_NAME));
	}

	@Test
	void clientsInTheAutoConfigurationPackagesAreRegisteredWithoutFurtherConfiguration() {
		this.contextRunner.withUserConfiguration(ScannedPackageConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ScannedPricingFunctions.class)
				.hasSingleBean(ScannedInventoryFunctions.class)
				.doesNotHaveBean(NotAClient.class);
			assertThat(context.getBeanNamesForType(ScannedPricingFunctions.class))
				.containsExactly("scannedPricingFunctions");
		});
	}

	@Test
	void clientBeanDefinitionIsAFactoryMethodDefinitionOnTheClientFactory() {
		this.contextRunner.withUserConfiguration(ScannedPackageConfiguration.class).run((context) -> {
			RootBeanDefinition definition = (RootBeanDefinition) context.getBeanFactory()
				.getBeanDefinition("scannedPricingFunctions");
			assertThat(definition.getFactoryBeanName()).isEqualTo(LambdaClientFactory.BEAN_NAME);
			assertThat(definition.getFactoryMethodName()).isEqualTo("createClient");
			assertThat(definition.getTargetType()).isEqualTo(ScannedPricingFunctions.class);
			assertThat(definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class).getValue())
				.isEqualTo(ScannedPricingFunctions.class);
			assertThat(definition.isFallback()).isTrue();
		});
	}

	@Test
	void withoutAutoConfigurationPackagesNoClientIsRegistered() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ScannedPricingFunctions.class));
	}

	@Test
	void enableLambdaClientsTurnsTheAutomaticRegistrationOff() {
		this.contextRunner.withUserConfiguration(ScannedPackageConfiguration.class, NamedClientConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ExplicitAuditFunctions.class)
				.doesNotHaveBean(ScannedPricingFunctions.class)
				.doesNotHaveBean(ScannedInventoryFunctions.class));
	}

	@Test
	void enableLambdaClientsWithoutAttributesScansThePackageOfTheAnnotatedClass() {
		this.contextRunner.withUserConfiguration(ScannedClientsConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ScannedPricingFunctions.class)
				.hasSingleBean(ScannedInventoryFunctions.class)
				.doesNotHaveBean(ExplicitAuditFunctions.class));
	}

	@Test
	void enableLambdaClientsScansItsBasePackages() {
		this.contextRunner.withUserConfiguration(BasePackagesConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ExplicitAuditFunctions.class)
				.doesNotHaveBean(ScannedPricingFunctions.class));
	}

	@Test
	void enableLambdaClientsScansThePackagesOfItsBasePackageClasses() {
		this.contextRunner.withUserConfiguration(BasePackageClassesConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ScannedInventoryFunctions.class)
				.doesNotHaveBean(ScannedPricingFunctions.class));
	}

	@Test
	void clientNamedByTwoEnableLambdaClientsIsRegisteredOnce() {
		this.contextRunner.withUserConfiguration(NamedClientConfiguration.class, BasePackagesConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ExplicitAuditFunctions.class));
	}

	@Test
	void userBeanOfTheClientTypeReplacesTheRegistration() {
		this.contextRunner.withUserConfiguration(ScannedPackageConfiguration.class)
			.withBean("userPricing", ScannedPricingFunctions.class, () -> (request) -> "from user bean")
			.run((context) -> {
				assertThat(context.getBeanNamesForType(ScannedPricingFunctions.class)).containsExactly("userPricing");
				assertThat(context.getBean(ScannedPricingFunctions.class).quote("sku-1")).isEqualTo("from user bean");
			});
	}

	@Test
	void userBeanDefinedAfterTheRegistrationStillWinsInjection() {
		this.contextRunner.withUserConfiguration(ScannedClientsConfiguration.class, LateUserBeanConfiguration.class)
			.withBean(PricingConsumer.class)
			.run((context) -> {
				assertThat(context.getBeanNamesForType(ScannedPricingFunctions.class))
					.containsExactlyInAnyOrder("scannedPricingFunctions", "userPricing");
				assertThat(context.getBean(PricingConsumer.class).pricing.quote("sku-1")).isEqualTo("from user bean");
			});
	}

	@Test
	void twoClientsOfOneInterfaceAreInjectedByQualifier() {
		this.contextRunner
			.withUserConfiguration(ScannedPackageConfiguration.class, TwoPricingClientsConfiguration.class)
			.withBean(CanaryPricingConsumer.class)
			.run((context) -> {
				assertThat(context.getBeanNamesForType(ScannedPricingFunctions.class))
					.containsExactlyInAnyOrder("livePricing", "canaryPricing");
				assertThat(context.getBean(CanaryPricingConsumer.class).pricing)
					.hasToString("LambdaClient[" + ScannedPricingFunctions.class.getName() + ", qualifier=canary]");
			});
	}

	@Test
	void injectingOneOfTwoClientsWithoutQualifierFailsNamingBoth() {
		this.contextRunner
			.withUserConfiguration(ScannedPackageConfiguration.class, TwoPricingClientsConfiguration.class)
			.withBean(PricingConsumer.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(NoUniqueBeanDefinitionException.class)
				.hasMessageContaining("livePricing")
				.hasMessageContaining("canaryPricing"));
	}

	@Test
	void qualifierOnTheInterfaceQualifiesTheClientBean() {
		this.contextRunner.withUserConfiguration(AnnotatedClientsConfiguration.class)
			.withBean(OrdersConsumer.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(OrdersConsumer.class).orders)
					.isSameAs(context.getBean(OrderFunctions.class));
			});
	}

	@Test
	void primaryOnTheInterfaceMakesTheClientBeanPrimary() {
		this.contextRunner.withUserConfiguration(AnnotatedClientsConfiguration.class).run((context) -> {
			String name = context.getBeanNamesForType(PrimaryFunctions.class)[0];
			RootBeanDefinition definition = (RootBeanDefinition) context.getBeanFactory().getBeanDefinition(name);
			assertThat(definition.isPrimary()).isTrue();
			assertThat(definition.isFallback()).isFalse();
		});
	}

	@Test
	void lazyClientIsCreatedOnFirstUse() {
		this.contextRunner.withUserConfiguration(AnnotatedClientsConfiguration.class).run((context) -> {
			String name = context.getBeanNamesForType(LazyOrderFunctions.class)[0];
			assertThat(context.getBeanFactory().containsSingleton(name)).isFalse();
			assertThat(context.getBean(LazyOrderFunctions.class)).isNotNull();
			assertThat(context.getBeanFactory().containsSingleton(name)).isTrue();
		});
	}

	@Test
	void lazyClientThatCannotBeCreatedFailsOnFirstUseInsteadOfAtStartUp() {
		this.contextRunner.withUserConfiguration(LazyInvalidClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(BeanCreationException.class)
				.isThrownBy(() -> context.getBean(LazyInvalidFunctions.class))
				.withStackTraceContaining(InvalidLambdaClientException.class.getName() + ": @LambdaClient method "
						+ LazyInvalidFunctions.class.getName() + ".find(String) invokes function "
						+ "'not a function name!', which cannot be resolved")
				.havingRootCause()
				.withMessageContaining("Function name 'not a function name!' is not a Lambda function name");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ScannedPricingFunctions.class)
	static class ScannedPackageConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = ExplicitAuditFunctions.class)
	static class NamedClientConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients("io.github.lambdainvoker.autoconfigure.clients.explicit")
	static class BasePackagesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(basePackageClasses = ScannedInventoryFunctions.class)
	static class BasePackageClassesConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class LateUserBeanConfiguration {

		@Bean
		ScannedPricingFunctions userPricing() {
			return (request) -> "from user bean";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoPricingClientsConfiguration {

		@Bean
		@Qualifier("live")
		ScannedPricingFunctions livePricing(LambdaClientFactory factory) {
			return factory.createClient(ScannedPricingFunctions.class, "live");
		}

		@Bean
		@Qualifier("canary")
		ScannedPricingFunctions canaryPricing(LambdaClientFactory factory) {
			return factory.createClient(ScannedPricingFunctions.class, "canary");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = { OrderFunctions.class, PrimaryFunctions.class, LazyOrderFunctions.class })
	static class AnnotatedClientsConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = LazyInvalidFunctions.class)
	static class LazyInvalidClientConfiguration {

	}

	static class PricingConsumer {

		final ScannedPricingFunctions pricing;

		PricingConsumer(ScannedPricingFunctions pricing) {
			this.pricing = pricing;
		}

	}

	static class CanaryPricingConsumer {

		final ScannedPricingFunctions pricing;

		CanaryPricingConsumer(@Qualifier("canary") ScannedPricingFunctions pricing) {
			this.pricing = pricing;
		}

	}

	static class OrdersConsumer {

		final Object orders;

		OrdersConsumer(@Qualifier("orders") Object orders) {
			this.orders = orders;
		}

	}

	@Qualifier("orders")
	@LambdaClient("orders")
	public interface OrderFunctions {

		String find(String id);

	}

	@Primary
	@LambdaClient("orders")
	public interface PrimaryFunctions {

		String find(String id);

	}

	@Lazy
	@LambdaClient("orders")
	public interface LazyOrderFunctions {

		String find(String id);

	}

	@Lazy
	@LambdaClient("not a function name!")
	public interface LazyInvalidFunctions {

		String find(String id);

	}

}

package io.github.lambdainvoker.client;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The bean definition a client interface becomes: its name, and the {@code @Primary},
 * {@code @Lazy} and qualifier annotations of the interface.
 */
class LambdaClientBeanDefinitionsTests {

	private final DefaultListableBeanFactory registry = new DefaultListableBeanFactory();

	@Test
	void clientIsAFallbackBeanMadeByTheClientFactory() {
		assertThat(register(PricingFunctions.class)).isTrue();
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.PricingFunctions");
		assertThat(definition.getTargetType()).isEqualTo(PricingFunctions.class);
		assertThat(definition.getFactoryBeanName()).isEqualTo(LambdaClientFactory.BEAN_NAME);
		assertThat(definition.getFactoryMethodName()).isEqualTo("createClient");
		assertThat(definition.getResolvedFactoryMethod())
			.isEqualTo(ClassUtils.getMethod(LambdaClientFactory.class, "createClient", Class.class));
		assertThat(definition.isPrimary()).isFalse();
		assertThat(definition.isFallback()).isTrue();
		assertThat(definition.isLazyInit()).isFalse();
		assertThat(definition.getQualifiers()).isEmpty();
	}

	@Test
	void clientRegisteredTwiceIsDefinedOnce() {
		register(PricingFunctions.class);
		assertThat(register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).hasSize(1);
	}

	@Test
	void clientIsNotDefinedWhenABeanOfItsTypeExists() {
		this.registry.registerSingleton("myPricing", (PricingFunctions) () -> "1");
		assertThat(register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).isEmpty();
	}

	@Test
	void clientRegisteredTwiceInOneBatchIsDefinedOnce() {
		LambdaClientBeanDefinitions definitions = new LambdaClientBeanDefinitions(this.registry);
		assertThat(definitions.register(PricingFunctions.class)).isTrue();
		assertThat(definitions.register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).hasSize(1);
	}

	@Test
	void clientIsNotDefinedWhenABeanDefinitionOfASubtypeExists() {
		this.registry.registerBeanDefinition("myPricing", new RootBeanDefinition(ExtendedPricing.class));
		assertThat(register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).containsExactly("myPricing");
	}

	@Test
	void clientIsNotDefinedWhenAFactoryBeanMakesItsType() {
		this.registry.registerBeanDefinition("myPricing", new RootBeanDefinition(PricingFactoryBean.class));
		assertThat(register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).containsExactly("myPricing");
	}

	@Test
	void clientIsNotDefinedWhenAClientExtendingItWasRegisteredBeforeItInTheBatch() {
		LambdaClientBeanDefinitions definitions = new LambdaClientBeanDefinitions(this.registry);
		assertThat(definitions.register(ExtendedPricingFunctions.class)).isTrue();
		assertThat(definitions.register(PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames())
			.containsExactly("lambdaClientBeanDefinitionsTests.ExtendedPricingFunctions");
	}

	@Test
	void clientIsDefinedBesideBeansOfOtherTypes() {
		this.registry.registerBeanDefinition("myPricing", new RootBeanDefinition(ExtendedPricing.class));
		assertThat(register(PrimaryFunctions.class)).isTrue();
	}

	@Test
	void batchMatchesTheBeansByTypeOnceForAllItsClients() {
		CountingBeanFactory registry = new CountingBeanFactory();
		registry.registerBeanDefinition("myPricing", new RootBeanDefinition(ExtendedPricing.class));
		LambdaClientBeanDefinitions definitions = new LambdaClientBeanDefinitions(registry);
		assertThat(definitions.register(PricingFunctions.class)).isFalse();
		assertThat(definitions.register(PrimaryFunctions.class)).isTrue();
		assertThat(definitions.register(LazyFunctions.class)).isTrue();
		assertThat(definitions.register(QualifiedFunctions.class)).isTrue();
		assertThat(registry.typeMatches).isOne();
	}

	@Test
	void clientWhoseNameIsTakenIsNamedByItsFullyQualifiedName() {
		this.registry.registerBeanDefinition("lambdaClientBeanDefinitionsTests.PricingFunctions",
				new RootBeanDefinition(String.class));
		register(PricingFunctions.class);
		assertThat(this.registry.containsBeanDefinition(PricingFunctions.class.getName())).isTrue();
	}

	@Test
	void primaryClientIsPrimaryAndNotAFallback() {
		register(PrimaryFunctions.class);
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.PrimaryFunctions");
		assertThat(definition.isPrimary()).isTrue();
		assertThat(definition.isFallback()).isFalse();
	}

	@Test
	void lazyClientIsLazy() {
		register(LazyFunctions.class);
		assertThat(onlyDefinition("lambdaClientBeanDefinitionsTests.LazyFunctions").isLazyInit()).isTrue();
	}

	@Test
	void qualifiersOfTheInterfaceApplyToTheBeanAndOtherAnnotationsDoNot() {
		register(QualifiedFunctions.class);
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.QualifiedFunctions");
		assertThat(definition.getQualifiers()).extracting(AutowireCandidateQualifier::getTypeName)
			.containsExactlyInAnyOrder(Qualifier.class.getName(), Region.class.getName());
		assertThat(definition.getQualifier(Qualifier.class.getName()).getAttribute("value")).isEqualTo("eu");
		assertThat(definition.getQualifier(Region.class.getName()).getAttribute("value")).isNull();
	}

	@Test
	void onlyInterfacesCanBeClients() {
		assertThatExceptionOfType(InvalidLambdaClientException.class).isThrownBy(() -> register(String.class))
			.withMessage("java.lang.String cannot be a Lambda client: only interfaces can");
		assertThatExceptionOfType(InvalidLambdaClientException.class).isThrownBy(() -> register(Region.class));
		assertThat(this.registry.getBeanDefinitionNames()).isEmpty();
	}

	private boolean register(Class<?> clientType) {
		return new LambdaClientBeanDefinitions(this.registry).register(clientType);
	}

	private RootBeanDefinition onlyDefinition(String name) {
		assertThat(this.registry.getBeanDefinitionNames()).containsExactly(name);
		return (RootBeanDefinition) this.registry.getBeanDefinition(name);
	}

	@LambdaClient("pricing")
	interface PricingFunctions {

		String quote();

	}

	@Primary
	@LambdaClient("pricing")
	interface PrimaryFunctions {

		String quote();

	}

	@Lazy
	@LambdaClient("pricing")
	interface LazyFunctions {

		String quote();

	}

	@Qualifier("eu")
	@Region
	@Deprecated
	@LambdaClient("pricing")
	interface QualifiedFunctions {

		String quote();

	}

	@Qualifier
	@Retention(RetentionPolicy.RUNTIME)
	@interface Region {

	}

	interface ExtendedPricingFunctions extends PricingFunctions {

	}

	static class ExtendedPricing implements ExtendedPricingFunctions {

		@Override
		public String quote() {
			return "1";
		}

	}

	static class PricingFactoryBean implements FactoryBean<PricingFunctions> {

		@Override
		public PricingFunctions getObject() {
			return new ExtendedPricing();
		}

		@Override
		public Class<?> getObjectType() {
			return PricingFunctions.class;
		}

	}

	static class CountingBeanFactory extends DefaultListableBeanFactory {

		int typeMatches;

		@Override
		public String[] getBeanNamesForType(@Nullable Class<?> type, boolean includeNonSingletons,
				boolean allowEagerInit) {
			this.typeMatches++;
			return super.getBeanNamesForType(type, includeNonSingletons, allowEagerInit);
		}

	}

}

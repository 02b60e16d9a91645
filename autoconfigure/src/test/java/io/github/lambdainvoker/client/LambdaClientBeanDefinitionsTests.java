package io.github.lambdainvoker.client;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;

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
		assertThat(LambdaClientBeanDefinitions.register(this.registry, PricingFunctions.class)).isTrue();
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.PricingFunctions");
		assertThat(definition.getTargetType()).isEqualTo(PricingFunctions.class);
		assertThat(definition.getFactoryBeanName()).isEqualTo(LambdaClientFactory.BEAN_NAME);
		assertThat(definition.getFactoryMethodName()).isEqualTo("createClient");
		assertThat(definition.isPrimary()).isFalse();
		assertThat(definition.isFallback()).isTrue();
		assertThat(definition.isLazyInit()).isFalse();
		assertThat(definition.getQualifiers()).isEmpty();
	}

	@Test
	void clientRegisteredTwiceIsDefinedOnce() {
		LambdaClientBeanDefinitions.register(this.registry, PricingFunctions.class);
		assertThat(LambdaClientBeanDefinitions.register(this.registry, PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).hasSize(1);
	}

	@Test
	void clientIsNotDefinedWhenABeanOfItsTypeExists() {
		this.registry.registerSingleton("myPricing", (PricingFunctions) () -> "1");
		assertThat(LambdaClientBeanDefinitions.register(this.registry, PricingFunctions.class)).isFalse();
		assertThat(this.registry.getBeanDefinitionNames()).isEmpty();
	}

	@Test
	void clientWhoseNameIsTakenIsNamedByItsFullyQualifiedName() {
		this.registry.registerBeanDefinition("lambdaClientBeanDefinitionsTests.PricingFunctions",
				new RootBeanDefinition(String.class));
		LambdaClientBeanDefinitions.register(this.registry, PricingFunctions.class);
		assertThat(this.registry.containsBeanDefinition(PricingFunctions.class.getName())).isTrue();
	}

	@Test
	void primaryClientIsPrimaryAndNotAFallback() {
		LambdaClientBeanDefinitions.register(this.registry, PrimaryFunctions.class);
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.PrimaryFunctions");
		assertThat(definition.isPrimary()).isTrue();
		assertThat(definition.isFallback()).isFalse();
	}

	@Test
	void lazyClientIsLazy() {
		LambdaClientBeanDefinitions.register(this.registry, LazyFunctions.class);
		assertThat(onlyDefinition("lambdaClientBeanDefinitionsTests.LazyFunctions").isLazyInit()).isTrue();
	}

	@Test
	void qualifiersOfTheInterfaceApplyToTheBeanAndOtherAnnotationsDoNot() {
		LambdaClientBeanDefinitions.register(this.registry, QualifiedFunctions.class);
		RootBeanDefinition definition = onlyDefinition("lambdaClientBeanDefinitionsTests.QualifiedFunctions");
		assertThat(definition.getQualifiers()).extracting(AutowireCandidateQualifier::getTypeName)
			.containsExactlyInAnyOrder(Qualifier.class.getName(), Region.class.getName());
		assertThat(definition.getQualifier(Qualifier.class.getName()).getAttribute("value")).isEqualTo("eu");
		assertThat(definition.getQualifier(Region.class.getName()).getAttribute("value")).isNull();
	}

	@Test
	void onlyInterfacesCanBeClients() {
		assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> LambdaClientBeanDefinitions.register(this.registry, String.class))
			.withMessage("java.lang.String cannot be a Lambda client: only interfaces can");
		assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> LambdaClientBeanDefinitions.register(this.registry, Region.class));
		assertThat(this.registry.getBeanDefinitionNames()).isEmpty();
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

}

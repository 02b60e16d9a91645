package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.health.LambdaHealthContributor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaHealthContributorAutoConfiguration}.
 */
class LambdaHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaHealthContributorAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"))
		.withPropertyValues("aws.lambda.region=eu-west-1", "aws.lambda.endpoint=" + wireMock.baseUrl(),
				"aws.lambda.functions.pricing.function-name=pricing-prod",
				"aws.lambda.functions.pricing.qualifier=live", "aws.lambda.functions.orders.qualifier=v2")
		.withUserConfiguration(TestCredentialsConfiguration.class);

	@Test
	void contributesOneEntryPerConfiguredFunctionInOrder() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LambdaHealthContributor.class).hasBean("lambdaHealthContributor");
			assertThat(context.getBean(LambdaHealthContributor.class).stream().map(HealthContributors.Entry::name))
				.containsExactly("pricing", "orders");
		});
	}

	@Test
	void entriesProbeTheConfiguredFunctionWithADryRun() {
		wireMock.stubFor(post(urlPathEqualTo("/2015-03-31/functions/orders/invocations"))
			.willReturn(aResponse().withStatus(204)));
		this.contextRunner.run((context) -> {
			Health health = healthOfEach(context.getBean(LambdaHealthContributor.class)).get("orders");
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("functionName", "orders").containsEntry("qualifier", "v2");
		});
	}

	@Test
	void bindsHealthProperties() {
		this.contextRunner
			.withPropertyValues("aws.lambda.health.cache-ttl=1m", "aws.lambda.health.timeout=500ms",
					"aws.lambda.health.mode=configuration")
			.run((context) -> {
				LambdaHealthProperties properties = context.getBean(LambdaHealthProperties.class);
				assertThat(properties.getCacheTtl()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getTimeout()).isEqualTo(Duration.ofMillis(500));
				assertThat(properties.getMode()).isEqualTo(LambdaHealthProperties.Mode.CONFIGURATION);
			});
	}

	@Test
	void defaultsToDryRunsCachedForThirtySecondsWithATwoSecondTimeout() {
		this.contextRunner.run((context) -> {
			LambdaHealthProperties properties = context.getBean(LambdaHealthProperties.class);
			assertThat(properties.getCacheTtl()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(properties.getMode()).isEqualTo(LambdaHealthProperties.Mode.DRY_RUN);
		});
	}

	@Test
	void configurationModeReadsTheFunctionConfiguration() {
		wireMock.stubFor(get(anyUrl()).willReturn(
				aResponse().withStatus(200).withBody("{\"State\":\"Pending\",\"LastUpdateStatus\":\"InProgress\"}")));
		this.contextRunner.withPropertyValues("aws.lambda.health.mode=configuration").run((context) -> {
			Health health = healthOfEach(context.getBean(LambdaHealthContributor.class)).get("pricing");
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("state", "Pending");
			wireMock.verify(1, getRequestedFor(urlPathEqualTo("/2015-03-31/functions/pricing-prod/configuration")));
			wireMock.verify(0, postRequestedFor(anyUrl()));
		});
	}

	@Test
	void timeoutThatIsNotPositiveFailsStartUp() {
		this.contextRunner.withPropertyValues("aws.lambda.health.timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidLambdaPropertyException.class)
				.hasMessageContaining("aws.lambda.health.timeout"));
	}

	@Test
	void withoutConfiguredFunctionsHasNoEntries() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class,
					LambdaHealthContributorAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("software.amazon.awssdk.http.nio.netty"))
			.withPropertyValues("aws.lambda.region=eu-west-1")
			.withUserConfiguration(TestCredentialsConfiguration.class)
			.run((context) -> assertThat(context.getBean(LambdaHealthContributor.class).stream()).isEmpty());
	}

	@Test
	void managementHealthLambdaEnabledFalseTurnsItOff() {
		this.contextRunner.withPropertyValues("management.health.lambda.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaHealthContributor.class));
	}

	@Test
	void managementHealthDefaultsEnabledFalseTurnsItOff() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LambdaHealthContributor.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner
			.withClassLoader(
					new FilteredClassLoader("software.amazon.awssdk.http.nio.netty", "org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(LambdaHealthContributor.class);
				assertThat(context).hasSingleBean(LambdaClient.class);
			});
	}

	@Test
	void backsOffWhenUserDefinesLambdaHealthContributor() {
		this.contextRunner.withUserConfiguration(UserContributorConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(LambdaHealthContributor.class);
			assertThat(context).hasBean("lambdaHealthContributor");
		});
	}

	// Reads every entry, as the health endpoint does, so that no probe started by one
	// entry
	// is still in flight when the next test starts.
	private static Map<String, Health> healthOfEach(CompositeHealthContributor contributor) {
		Map<String, Health> health = new LinkedHashMap<>();
		contributor.forEach((entry) -> health.put(entry.name(), ((HealthIndicator) entry.contributor()).health()));
		return health;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserContributorConfiguration {

		@Bean
		HealthIndicator lambdaHealthContributor() {
			return () -> Health.up().build();
		}

	}

}

package io.github.lambdainvoker.test.autoconfigure;

import java.math.BigDecimal;

import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaServiceClientConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClientTest @LambdaClientTest}: what it loads, what it leaves
 * out, and how the Lambda clients reach the mock server.
 */
@LambdaClientTest(components = ExampleQuoteService.class,
		properties = { "aws.lambda.functions.pricing.qualifier=live",
				"spring.jackson.property-naming-strategy=SNAKE_CASE" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaClientTestTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ExampleQuoteService quotes;

	@Autowired
	private MockLambdaServer lambda;

	@Test
	void loadsTheInvokerTheClientsTheNamedComponentsAndTheServer() {
		assertThat(this.context.getBeanNamesForType(LambdaInvoker.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ExamplePricingFunctions.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ExampleInventoryFunctions.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(MockLambdaServer.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ExampleAuditService.class)).isEmpty();
	}

	@Test
	void loadsNoWebServerActuatorOrMetrics() {
		assertThat(this.context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(this.context.getBeanNamesForType(HealthContributor.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(io.micrometer.core.instrument.MeterRegistry.class)).isEmpty();
		assertThat(this.context.getBeanDefinitionNames())
			.noneMatch((name) -> name.contains("actuate") || name.contains("health") || name.contains("webmvc")
					|| name.contains("servlet") || name.contains("tomcat"));
	}

	@Test
	void pointsTheLambdaClientAtTheServerWithStaticCredentialsAndARegion() {
		LambdaServiceClientConfiguration configuration = this.context.getBean(LambdaClient.class)
			.serviceClientConfiguration();
		assertThat(configuration.endpointOverride()).contains(this.lambda.endpoint());
		assertThat(configuration.region()).isEqualTo(Region.US_EAST_1);
		AwsCredentialsProvider credentialsProvider = (AwsCredentialsProvider) configuration.credentialsProvider();
		AwsCredentials credentials = credentialsProvider.resolveCredentials();
		assertThat(credentials.accessKeyId()).isEqualTo("test");
	}

	@Test
	@Order(1)
	void callsOfTheComponentReachTheServerWithTheApplicationsSettingsAndJson() {
		this.lambda.expect(invocationOf("pricing").qualifier("live").payloadJson("{\"sku\":\"book\",\"quantity\":2}"))
			.andRespond(result(new ExampleQuote("book", new BigDecimal("12.50"), 0)));
		this.lambda.expect(invocationOf("inventory").unqualified()).andRespond(result(7));
		assertThat(this.quotes.quote("book", 2)).isEqualTo(new ExampleQuote("book", new BigDecimal("12.50"), 7));
		this.lambda.verify();
		assertThat(this.lambda.invocations("pricing")).singleElement()
			.satisfies((call) -> assertThat(call.payload(ExampleQuoteRequest.class))
				.isEqualTo(new ExampleQuoteRequest("book", 2)));
	}

	@Test
	@Order(2)
	void serverIsResetAfterEachTest() {
		assertThat(this.lambda.invocations()).isEmpty();
		this.lambda.verify();
	}

	@Test
	void resultsAreWrittenWithTheApplicationsJsonMapper() {
		this.lambda.expect(invocationOf("pricing"))
			.andRespond(result(new ExampleQuote("book", new BigDecimal("12.50"), 3)));
		this.lambda.expect(invocationOf("inventory")).andRespond(result(3));
		this.quotes.quote("book", 1);
		assertThat(this.lambda.invocations("pricing")).singleElement()
			.satisfies((call) -> assertThat(call.payloadAsString()).isEqualTo("{\"sku\":\"book\",\"quantity\":1}"));
		LambdaInvoker invoker = this.context.getBean(LambdaInvoker.class);
		this.lambda.expect(invocationOf("echo")).andRespond(result(new ExampleQuote("pen", BigDecimal.ONE, 3)));
		assertThat(invoker.invoke("echo", null, String.class))
			.isEqualTo("{\"sku\":\"pen\",\"unit_price\":1,\"in_stock\":3}");
	}

}

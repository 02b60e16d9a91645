package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.client.EnableLambdaClients;
import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.health.LambdaHealthContributor;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.accessKeyId;
import static io.github.lambdainvoker.client.LambdaWireMock.credentialScope;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static io.github.lambdainvoker.invoke.EventStreamFrames.chunk;
import static io.github.lambdainvoker.invoke.EventStreamFrames.complete;
import static io.github.lambdainvoker.invoke.EventStreamFrames.eventStream;
import static io.github.lambdainvoker.invoke.EventStreamFrames.streamingPath;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire tests of routing: each function's calls go to the endpoint of its route, signed
 * for its region with its credentials, whichever way they are made. WireMock {@code home}
 * stands in for every region through the endpoint override (and for STS); {@code replica}
 * is the endpoint of one function of its own. The signature's credential scope tells the
 * region a call was signed for, its access key id the credentials.
 */
class LambdaRoutingWireTests {

	private static final String IRELAND_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:pricing";

	private static final String PLATFORM_ARN = "arn:aws:lambda:eu-west-1:444455556666:function:platform";

	private static final String ROLE_ARN = "arn:aws:iam::444455556666:role/invoke-platform";

	private static final String HOME_SCOPE = "/us-east-1/lambda/aws4_request";

	private static final String IRELAND_SCOPE = "/eu-west-1/lambda/aws4_request";

	@RegisterExtension
	static WireMockExtension home = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static WireMockExtension replica = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path awsFiles;

	private static final SystemProperties systemProperties = new SystemProperties();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.asyncContextRunner(home)
		.withPropertyValues("aws.lambda.functions.local.function-name=pricing",
				"aws.lambda.functions.ireland.function-name=" + IRELAND_ARN,
				"aws.lambda.functions.replica.function-name=pricing-replica",
				"aws.lambda.functions.replica.region=eu-west-1",
				"aws.lambda.functions.replica.endpoint=" + replica.baseUrl(),
				"aws.lambda.functions.partner.function-name=partner-pricing",
				"aws.lambda.functions.partner.credentials.profile=partner",
				"aws.lambda.functions.platform.function-name=" + PLATFORM_ARN,
				"aws.lambda.functions.platform.credentials.role-arn=" + ROLE_ARN,
				"aws.lambda.functions.platform.credentials.external-id=orders-external-id",
				"aws.lambda.functions.platform.credentials.session-name=orders-service",
				"aws.lambda.functions.platform.credentials.session-duration=15m")
		.withUserConfiguration(ClientsConfiguration.class);

	@BeforeAll
	static void useTestProfilesAndStsOnWireMock() throws IOException {
		Path credentials = Files.writeString(awsFiles.resolve("credentials"),
				"[partner]\naws_access_key_id = AKIDPARTNER\naws_secret_access_key = partner-secret\n");
		Path config = Files.writeString(awsFiles.resolve("config"), "[default]\n");
		systemProperties.set("aws.sharedCredentialsFile", credentials.toString());
		systemProperties.set("aws.configFile", config.toString());
		systemProperties.set("aws.endpointUrlSts", home.baseUrl());
	}

	@AfterAll
	static void restoreSystemProperties() {
		systemProperties.restore();
	}

	@Test
	void defaultFunctionIsSignedForTheDefaultRegionWithTheApplicationKeys() {
		home.stubFor(invocation("pricing").willReturn(result("home")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke("local", null, String.class)).isEqualTo("home");
			LoggedRequest request = only(invocations(home, "pricing"));
			assertThat(credentialScope(request)).isEqualTo(HOME_SCOPE);
			assertThat(accessKeyId(request)).isEqualTo("test-key");
		});
	}

	@Test
	void functionWhoseArnNamesAnotherRegionIsSignedForThatRegion() {
		home.stubFor(invocation(IRELAND_ARN).willReturn(result("ireland")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke("ireland", null, String.class)).isEqualTo("ireland");
			LoggedRequest request = only(invocations(home, IRELAND_ARN));
			assertThat(credentialScope(request)).isEqualTo(IRELAND_SCOPE);
			assertThat(accessKeyId(request)).isEqualTo("test-key");
		});
	}

	@Test
	void arnThatCodeNamesWithoutConfiguringItRoutesItselfToo() {
		String frankfurt = "arn:aws:lambda:eu-central-1:111122223333:function:pricing";
		home.stubFor(invocation(frankfurt).willReturn(result("frankfurt")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke(frankfurt, null, String.class)).isEqualTo("frankfurt");
			assertThat(credentialScope(only(invocations(home, frankfurt))))
				.isEqualTo("/eu-central-1/lambda/aws4_request");
		});
	}

	@Test
	void functionWithAnEndpointOfItsOwnIsSentThereSignedForItsRegion() {
		replica.stubFor(invocation("pricing-replica").willReturn(result("replica")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke("replica", null, String.class)).isEqualTo("replica");
			LoggedRequest request = only(invocations(replica, "pricing-replica"));
			assertThat(credentialScope(request)).isEqualTo(IRELAND_SCOPE);
			assertThat(home.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void functionWithAProfileIsSignedWithTheProfileKeys() {
		home.stubFor(invocation("partner-pricing").willReturn(result("partner")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke("partner", null, String.class)).isEqualTo("partner");
			LoggedRequest request = only(invocations(home, "partner-pricing"));
			assertThat(credentialScope(request)).isEqualTo(HOME_SCOPE);
			assertThat(accessKeyId(request)).isEqualTo("AKIDPARTNER");
		});
	}

	@Test
	void functionWithARoleAssumesItThroughStsAndIsSignedWithTheSessionKeys() {
		home.stubFor(assumeRole().willReturn(session("ASIAPLATFORM", "platform-token", Duration.ofHours(1))));
		home.stubFor(invocation(PLATFORM_ARN).willReturn(result("platform")));
		this.contextRunner.run((context) -> {
			assertThat(invoker(context).invoke("platform", null, String.class)).isEqualTo("platform");
			LoggedRequest sts = only(home.findAll(postRequestedFor(urlPathEqualTo("/"))));
			assertThat(sts.getBodyAsString()).contains("Action=AssumeRole")
				.contains("RoleArn=" + encoded(ROLE_ARN))
				.contains("RoleSessionName=orders-service")
				.contains("ExternalId=orders-external-id")
				.contains("DurationSeconds=900");
			assertThat(accessKeyId(sts)).isEqualTo("test-key");
			assertThat(credentialScope(sts)).isEqualTo("/eu-west-1/sts/aws4_request");
			LoggedRequest invoke = only(invocations(home, PLATFORM_ARN));
			assertThat(credentialScope(invoke)).isEqualTo(IRELAND_SCOPE);
			assertThat(accessKeyId(invoke)).isEqualTo("ASIAPLATFORM");
			assertThat(invoke.getHeader("X-Amz-Security-Token")).isEqualTo("platform-token");
		});
	}

	@Test
	void roleCredentialsAreRefreshedBeforeTheyExpire() {
		// The first session ends in 2 minutes, within the SDK's 5-minute prefetch window
		// but not yet stale: the next call renews it before signing.
		home.stubFor(assumeRole().inScenario("sessions")
			.whenScenarioStateIs(Scenario.STARTED)
			.willSetStateTo("renewed")
			.willReturn(session("ASIAFIRST", "first-token", Duration.ofMinutes(2))));
		home.stubFor(assumeRole().inScenario("sessions")
			.whenScenarioStateIs("renewed")
			.willReturn(session("ASIASECOND", "second-token", Duration.ofHours(1))));
		home.stubFor(invocation(PLATFORM_ARN).willReturn(result("platform")));
		this.contextRunner.run((context) -> {
			for (int i = 0; i < 3; i++) {
				invoker(context).invoke("platform", null, String.class);
			}
			assertThat(home.findAll(postRequestedFor(urlPathEqualTo("/")))).hasSize(2);
			List<LoggedRequest> invokes = invocations(home, PLATFORM_ARN);
			assertThat(invokes).extracting(LambdaWireMock::accessKeyId)
				.containsExactly("ASIAFIRST", "ASIASECOND", "ASIASECOND");
			assertThat(invokes).extracting((request) -> request.getHeader("X-Amz-Security-Token"))
				.containsExactly("first-token", "second-token", "second-token");
		});
	}

	@Test
	void asynchronousCallsRouteToo() {
		home.stubFor(invocation(IRELAND_ARN).willReturn(result("ireland")));
		home.stubFor(invocation("partner-pricing").willReturn(result("partner")));
		this.contextRunner.run((context) -> {
			CompletableFuture<String> ireland = invoker(context).invokeAsync("ireland", null, String.class);
			CompletableFuture<String> partner = invoker(context).invokeAsync("partner", null, String.class);
			assertThat(ireland.get(10, TimeUnit.SECONDS)).isEqualTo("ireland");
			assertThat(partner.get(10, TimeUnit.SECONDS)).isEqualTo("partner");
			LoggedRequest irelandRequest = only(invocations(home, IRELAND_ARN));
			assertThat(credentialScope(irelandRequest)).isEqualTo(IRELAND_SCOPE);
			assertThat(irelandRequest.getHeader("User-Agent")).contains("md/http#NettyNio");
			LoggedRequest partnerRequest = only(invocations(home, "partner-pricing"));
			assertThat(accessKeyId(partnerRequest)).isEqualTo("AKIDPARTNER");
			assertThat(partnerRequest.getHeader("User-Agent")).contains("md/http#NettyNio");
		});
	}

	@Test
	void responseStreamingCallsRouteToo() {
		replica.stubFor(post(urlPathEqualTo(streamingPath("pricing-replica")))
			.willReturn(eventStream(chunk("streamed "), chunk("from the replica"), complete(null, null))));
		this.contextRunner.run((context) -> {
			try (InputStream stream = invoker(context).invokeStream(LambdaRequest.of("replica", null))
				.get(10, TimeUnit.SECONDS)) {
				assertThat(new String(stream.readAllBytes(), StandardCharsets.UTF_8))
					.isEqualTo("streamed from the replica");
			}
			LoggedRequest request = only(
					replica.findAll(postRequestedFor(urlPathEqualTo(streamingPath("pricing-replica")))));
			assertThat(credentialScope(request)).isEqualTo(IRELAND_SCOPE);
			assertThat(home.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void lambdaClientInterfacesRouteToo() {
		home.stubFor(invocation(IRELAND_ARN).willReturn(result("ireland")));
		home.stubFor(invocation("partner-pricing").willReturn(result("partner")));
		this.contextRunner.run((context) -> {
			RoutedFunctions functions = context.getBean(RoutedFunctions.class);
			assertThat(functions.ireland()).isEqualTo("ireland");
			assertThat(functions.partnerLater().get(10, TimeUnit.SECONDS)).isEqualTo("partner");
			assertThat(credentialScope(only(invocations(home, IRELAND_ARN)))).isEqualTo(IRELAND_SCOPE);
			assertThat(accessKeyId(only(invocations(home, "partner-pricing")))).isEqualTo("AKIDPARTNER");
		});
	}

	@Test
	void healthProbesRouteToo() {
		home.stubFor(invocation(IRELAND_ARN).willReturn(aResponse().withStatus(204)));
		home.stubFor(invocation("partner-pricing").willReturn(aResponse().withStatus(204)));
		this.contextRunner.withConfiguration(AutoConfigurations.of(LambdaHealthContributorAutoConfiguration.class))
			.withPropertyValues("aws.lambda.health.timeout=10s")
			.run((context) -> {
				LambdaHealthContributor health = context.getBean(LambdaHealthContributor.class);
				assertThat(health(health, "ireland").getStatus()).isEqualTo(Status.UP);
				assertThat(health(health, "partner").getStatus()).isEqualTo(Status.UP);
				LoggedRequest ireland = only(invocations(home, IRELAND_ARN));
				assertThat(ireland.getHeader("X-Amz-Invocation-Type")).isEqualTo("DryRun");
				assertThat(credentialScope(ireland)).isEqualTo(IRELAND_SCOPE);
				assertThat(accessKeyId(only(invocations(home, "partner-pricing")))).isEqualTo("AKIDPARTNER");
			});
	}

	@Test
	void observationsCarryTheRegionOnTracesOnly() {
		home.stubFor(invocation(IRELAND_ARN).willReturn(result("ireland")));
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(LambdaObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> {
				invoker(context).invoke("ireland", null, String.class);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("aws.lambda.invocations")
					.that()
					.hasHighCardinalityKeyValue("cloud.region", "eu-west-1")
					.doesNotHaveLowCardinalityKeyValueWithKey("cloud.region")
					.hasLowCardinalityKeyValue("function", "ireland");
			});
	}

	private static Health health(LambdaHealthContributor contributor, String function) {
		HealthIndicator indicator = (HealthIndicator) contributor.getContributor(function);
		assertThat(indicator).isNotNull();
		return indicator.health();
	}

	private static LambdaInvoker invoker(ApplicationContext context) {
		return context.getBean(LambdaInvoker.class);
	}

	private static LoggedRequest only(List<LoggedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static MappingBuilder assumeRole() {
		return post(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole"));
	}

	private static ResponseDefinitionBuilder session(String accessKeyId, String sessionToken, Duration lifetime) {
		Instant expiration = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "text/xml")
			.withBody("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
					+ "<Credentials><AccessKeyId>" + accessKeyId + "</AccessKeyId>"
					+ "<SecretAccessKey>session-secret</SecretAccessKey><SessionToken>" + sessionToken
					+ "</SessionToken><Expiration>" + expiration + "</Expiration></Credentials>"
					+ "<AssumedRoleUser><AssumedRoleId>AROAPLATFORM:orders-service</AssumedRoleId>"
					+ "<Arn>arn:aws:sts::444455556666:assumed-role/invoke-platform/orders-service</Arn>"
					+ "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>sts-1</RequestId>"
					+ "</ResponseMetadata></AssumeRoleResponse>");
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@LambdaClient
	public interface RoutedFunctions {

		@LambdaFunction("ireland")
		String ireland();

		@LambdaFunction("partner")
		CompletableFuture<String> partnerLater();

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = RoutedFunctions.class)
	static class ClientsConfiguration {

	}

}

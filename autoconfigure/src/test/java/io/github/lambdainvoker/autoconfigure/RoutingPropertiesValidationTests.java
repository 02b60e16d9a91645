package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Start-up checks of the routing properties (regions, endpoints, credentials), each
 * asserted through the failure analysis a user would read, with nothing sent to Lambda or
 * STS.
 */
@Tag("bad-input")
class RoutingPropertiesValidationTests {

	private static final String IRELAND_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:pricing";

	private static final String ROLE_ARN = "arn:aws:iam::444455556666:role/invoke-pricing";

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@TempDir
	static Path awsFiles;

	private static final SystemProperties systemProperties = new SystemProperties();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class))
		.withPropertyValues("aws.lambda.region=us-east-1")
		.withUserConfiguration(TestCredentialsConfiguration.class);

	@BeforeAll
	static void useTestProfilesAndStsOnWireMock() throws IOException {
		Path credentials = Files.writeString(awsFiles.resolve("credentials"),
				"[partner]\naws_access_key_id = AKIDPARTNER\naws_secret_access_key = partner-secret\n");
		Path config = Files.writeString(awsFiles.resolve("config"), "[profile auditor]\nregion = eu-west-1\n");
		systemProperties.set("aws.sharedCredentialsFile", credentials.toString());
		systemProperties.set("aws.configFile", config.toString());
		systemProperties.set("aws.endpointUrlSts", wireMock.baseUrl());
	}

	@AfterAll
	static void restoreSystemProperties() {
		systemProperties.restore();
	}

	@AfterEach
	void nothingWasSent() {
		assertThat(wireMock.getAllServeEvents()).as("requests sent").isEmpty();
	}

	@Test
	void validRoutesStart() {
		this.contextRunner
			.withPropertyValues("aws.lambda.functions.ireland.function-name=" + IRELAND_ARN,
					"aws.lambda.functions.ireland.region=eu-west-1",
					"aws.lambda.functions.partner.credentials.profile=partner",
					"aws.lambda.functions.auditor.credentials.profile=auditor",
					"aws.lambda.functions.platform.credentials.role-arn=" + ROLE_ARN,
					"aws.lambda.functions.platform.credentials.session-duration=1h",
					"aws.lambda.functions.emulated.region=local-1",
					"aws.lambda.functions.emulated.endpoint=http://localhost:1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void regionThatConflictsWithTheArnsFailsNamingBothRegions() {
		assertFailure(
				new String[] { "aws.lambda.functions.pricing.function-name=" + IRELAND_ARN,
						"aws.lambda.functions.pricing.region=us-east-1" },
				"aws.lambda.functions.pricing.region", "us-east-1",
				"the function's ARN '" + IRELAND_ARN + "' is in region 'eu-west-1', but region 'us-east-1' is set",
				"Remove aws.lambda.functions.pricing.region to call the function in eu-west-1, or set it to "
						+ "eu-west-1.");
	}

	@Test
	void unknownFunctionRegionFails() {
		assertFailure(new String[] { "aws.lambda.functions.pricing.region=eu-wset-1" },
				"aws.lambda.functions.pricing.region", "eu-wset-1", "it is not an AWS region the SDK knows",
				"Use a region id such as eu-west-1 or us-east-1; for a region newer than the AWS SDK, upgrade the "
						+ "SDK.");
	}

	@Test
	void unknownApplicationRegionFails() {
		this.contextRunner.withPropertyValues("aws.lambda.region=mars-north-1")
			.run((context) -> assertAnalysis(context.getStartupFailure(), "aws.lambda.region", "mars-north-1",
					"it is not an AWS region the SDK knows"));
	}

	@Test
	void unknownRegionInAnArnFails() {
		assertFailure(new String[] {
				"aws.lambda.functions.pricing.function-name=arn:aws:lambda:xx-north-9:111122223333:function:p" },
				"aws.lambda.functions.pricing.function-name", "arn:aws:lambda:xx-north-9:111122223333:function:p",
				"its region 'xx-north-9' is not an AWS region the SDK knows",
				"Check the region in the ARN; for a region newer than the AWS SDK, upgrade the SDK.");
	}

	@Test
	void callOfAnArnWhoseRegionTheSdkDoesNotKnowFailsWithoutSending() {
		String arn = "arn:aws:lambda:xx-north-9:111122223333:function:pricing";
		this.contextRunner.run((context) -> assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> context.getBean(LambdaInvoker.class).invoke(arn, null, String.class))
			.withMessage("Function '" + arn + "' names region 'xx-north-9', which is not an AWS region the SDK knows"));
	}

	@Test
	void defaultRegionThatDisagreesWithTheApplicationRegionFails() {
		assertFailure(new String[] { "aws.lambda.defaults.region=eu-west-1" }, "aws.lambda.defaults.region",
				"eu-west-1", "aws.lambda.region is 'us-east-1', and both set the default of every function",
				"Set only one of aws.lambda.defaults.region and aws.lambda.region.");
	}

	@Test
	void roleWithoutTheStsModuleFailsNamingTheDependency() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(StsClient.class))
			.withPropertyValues("aws.lambda.functions.platform.credentials.role-arn=" + ROLE_ARN)
			.run((context) -> {
				FailureAnalysis analysis = assertAnalysis(context.getStartupFailure(),
						"aws.lambda.functions.platform.credentials.role-arn", ROLE_ARN,
						"assuming a role needs the AWS STS module, which is not on the class path");
				assertThat(analysis.getAction()).isEqualTo(
						"Add the dependency software.amazon.awssdk:sts (its version comes from the AWS SDK BOM).");
			});
	}

	@Test
	void profileThatDoesNotExistFails() {
		assertFailure(new String[] { "aws.lambda.functions.partner.credentials.profile=parnter" },
				"aws.lambda.functions.partner.credentials.profile", "parnter",
				"no profile of that name is in the AWS config or credentials files",
				"Add the profile to ~/.aws/credentials or ~/.aws/config, or name an existing one.");
	}

	@Test
	void defaultProfileThatDoesNotExistFails() {
		assertFailure(new String[] { "aws.lambda.defaults.credentials.profile=nobody" },
				"aws.lambda.defaults.credentials.profile", "nobody",
				"no profile of that name is in the AWS config or credentials files",
				"Add the profile to ~/.aws/credentials or ~/.aws/config, or name an existing one.");
	}

	@Test
	void profileAndRoleTogetherFail() {
		assertFailure(
				new String[] { "aws.lambda.functions.partner.credentials.profile=partner",
						"aws.lambda.functions.partner.credentials.role-arn=" + ROLE_ARN },
				"aws.lambda.functions.partner.credentials.role-arn", ROLE_ARN,
				"calls are signed with one set of credentials, but both a profile ('partner') and a role are set",
				"Remove aws.lambda.functions.partner.credentials.profile or "
						+ "aws.lambda.functions.partner.credentials.role-arn.");
	}

	@Test
	void externalIdWithoutRoleFails() {
		assertFailure(new String[] { "aws.lambda.functions.partner.credentials.external-id=secret-handshake" },
				"aws.lambda.functions.partner.credentials.external-id", "secret-handshake",
				"it only applies to a role to assume, and no role-arn is set",
				"Set the role-arn beside it, or remove it.");
	}

	@Test
	void malformedRoleArnFails() {
		assertFailure(new String[] { "aws.lambda.functions.platform.credentials.role-arn=invoke-pricing" },
				"aws.lambda.functions.platform.credentials.role-arn", "invoke-pricing",
				"it is not the ARN of an IAM role",
				"Use the role's ARN, such as arn:aws:iam::123456789012:role/invoke-pricing.");
	}

	@Test
	void sessionDurationShorterThanStsAllowsFails() {
		assertFailure(
				new String[] { "aws.lambda.functions.platform.credentials.role-arn=" + ROLE_ARN,
						"aws.lambda.functions.platform.credentials.session-duration=5m" },
				"aws.lambda.functions.platform.credentials.session-duration", "PT5M",
				"STS issues role sessions of 15 minutes to 12 hours", "Set a duration from 15m to the role's maximum "
						+ "session duration (at most 12h), or remove it for 1 hour.");
	}

	@Test
	void malformedSessionNameFails() {
		assertFailure(
				new String[] { "aws.lambda.functions.platform.credentials.role-arn=" + ROLE_ARN,
						"aws.lambda.functions.platform.credentials.session-name=orders service" },
				"aws.lambda.functions.platform.credentials.session-name", "orders service",
				"a role session name is 2 to 64 letters, digits and the characters _+=,.@-",
				"Use a name such as orders-service.");
	}

	private void assertFailure(String[] properties, String property, String value, String reason, String action) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			FailureAnalysis analysis = assertAnalysis(context.getStartupFailure(), property, value, reason);
			assertThat(analysis.getAction()).isEqualTo(action);
		});
	}

	private static FailureAnalysis assertAnalysis(Throwable failure, String property, String value, String reason) {
		assertThat(failure).as("start-up failure").isNotNull();
		FailureAnalysis analysis = new InvalidLambdaPropertyFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).contains("Property: " + property)
			.contains("Value: " + value)
			.contains("Reason: " + reason);
		return analysis;
	}

}

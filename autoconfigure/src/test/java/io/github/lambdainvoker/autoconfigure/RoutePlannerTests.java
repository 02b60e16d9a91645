package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.time.Duration;

import io.github.lambdainvoker.invoke.FunctionReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RoutePlanner}: which region, endpoint and credentials each layer gives
 * a function's route.
 */
class RoutePlannerTests {

	private static final String IRELAND_ARN = "arn:aws:lambda:eu-west-1:111122223333:function:pricing";

	private static final String ROLE_ARN = "arn:aws:iam::444455556666:role/invoke-pricing";

	private final LambdaProperties properties = new LambdaProperties();

	@Test
	void functionWithoutSettingsOfItsOwnTakesTheDefaultRoute() {
		this.properties.setRegion("us-east-1");
		this.properties.setEndpoint(URI.create("http://localhost:9001"));
		RoutePlanner planner = planner(null);
		assertThat(planner.keyOf(function(), reference("pricing"))).isEqualTo(planner.defaultKey())
			.isEqualTo(new RouteKey("us-east-1", URI.create("http://localhost:9001"), CredentialsSource.APPLICATION));
	}

	@Test
	void fullArnGivesItsRegionAndKeepsTheRest() {
		this.properties.setRegion("us-east-1");
		this.properties.getDefaults().getCredentials().setProfile("partner");
		RouteKey key = planner(null).keyOf(function(), reference(IRELAND_ARN));
		assertThat(key).isEqualTo(new RouteKey("eu-west-1", null, new CredentialsSource.Profile("partner")));
	}

	@Test
	void functionRegionOutranksTheDefaultsAndPartialArnsKeepIt() {
		this.properties.getDefaults().setRegion("us-east-1");
		LambdaProperties.Function function = function();
		function.setRegion("eu-west-1");
		assertThat(planner(null).keyOf(function, reference("123456789012:function:pricing")).region())
			.isEqualTo("eu-west-1");
	}

	@Test
	void applicationRegionProviderIsAskedOnlyWithoutARegionProperty() {
		assertThat(planner("ap-south-1").defaultKey().region()).isEqualTo("ap-south-1");
		this.properties.setRegion("us-east-1");
		assertThat(planner("ap-south-1").defaultKey().region()).isEqualTo("us-east-1");
	}

	@Test
	void functionCredentialsReplaceTheDefaultsAsAWhole() {
		this.properties.getDefaults().getCredentials().setRoleArn(ROLE_ARN);
		this.properties.getDefaults().getCredentials().setExternalId("orders-external-id");
		LambdaProperties.Function withProfile = function();
		withProfile.getCredentials().setProfile("partner");
		LambdaProperties.Function withoutCredentials = function();
		withoutCredentials.setEndpoint(URI.create("http://localhost:9002"));
		RoutePlanner planner = planner(null);
		assertThat(planner.keyOf(withProfile, reference("pricing")).credentials())
			.isEqualTo(new CredentialsSource.Profile("partner"));
		assertThat(planner.keyOf(withoutCredentials, reference("pricing"))).isEqualTo(new RouteKey(null,
				URI.create("http://localhost:9002"),
				new CredentialsSource.Role(ROLE_ARN, "orders-external-id", RoutePlanner.DEFAULT_SESSION_NAME, null)));
	}

	@Test
	void roleSettingsMakeTheCredentialsSource() {
		LambdaProperties.Function function = function();
		function.getCredentials().setRoleArn(ROLE_ARN);
		function.getCredentials().setSessionName("orders-service");
		function.getCredentials().setSessionDuration(Duration.ofMinutes(30));
		assertThat(planner(null).keyOf(function, reference("pricing")).credentials())
			.isEqualTo(new CredentialsSource.Role(ROLE_ARN, null, "orders-service", Duration.ofMinutes(30)));
	}

	@Test
	void arnNamedOnlyInCodeRoutesByItsRegion() {
		this.properties.setRegion("us-east-1");
		assertThat(planner(null).keyOf(null, reference(IRELAND_ARN)))
			.isEqualTo(new RouteKey("eu-west-1", null, CredentialsSource.APPLICATION));
	}

	private RoutePlanner planner(String applicationRegion) {
		return new RoutePlanner(this.properties, () -> applicationRegion, getClass().getClassLoader(),
				() -> ProfileFile.builder()
					.content("[partner]\naws_access_key_id = AKIDPARTNER\naws_secret_access_key = secret\n")
					.type(ProfileFile.Type.CREDENTIALS)
					.build());
	}

	private static LambdaProperties.Function function() {
		return new LambdaProperties.Function();
	}

	private static FunctionReference reference(String name) {
		return FunctionReference.parse(name);
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.lambdainvoker.invoke.FunctionReference;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Works out the route of each function (region, endpoint, credentials) from the
 * {@code aws.lambda.*} properties, and checks at start-up that every configured route can
 * be built: regions the SDK knows, a function region that agrees with the region of the
 * function's ARN, one source of credentials, a profile that exists, the STS module for a
 * role. A mistake fails start-up with the property's name before any client is built or
 * any request sent.
 */
final class RoutePlanner {

	/** Class whose presence says that the optional STS module is on the class path. */
	static final String STS_CLIENT = "software.amazon.awssdk.services.sts.StsClient";

	/** Role session name used when none is configured. */
	static final String DEFAULT_SESSION_NAME = "lambda-invoker";

	private static final String PREFIX = "aws.lambda.";

	private static final Duration SHORTEST_SESSION = Duration.ofMinutes(15);

	private static final Duration LONGEST_SESSION = Duration.ofHours(12);

	private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

	private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

	private static final Set<String> KNOWN_REGIONS = Region.regions()
		.stream()
		.map(Region::id)
		.collect(Collectors.toUnmodifiableSet());

	private final boolean stsPresent;

	private final Supplier<ProfileFile> profileFile;

	private final RouteKey defaultKey;

	/**
	 * Plan the routes and check the properties.
	 * @param properties the properties
	 * @param applicationRegion supplies the region of the application's
	 * {@code AwsRegionProvider} bean, or {@code null}; asked only when no property names
	 * a default region
	 * @param classLoader the class loader to look for the STS module with
	 * @param profileFile supplies the AWS config and credentials files, read at most once
	 * and only when a profile is configured
	 * @throws InvalidLambdaPropertyException if a property cannot be used
	 */
	RoutePlanner(LambdaProperties properties, Supplier<@Nullable String> applicationRegion, ClassLoader classLoader,
			Supplier<ProfileFile> profileFile) {
		this.stsPresent = ClassUtils.isPresent(STS_CLIENT, classLoader);
		this.profileFile = SingletonSupplier.of(profileFile);
		LambdaProperties.Function defaults = properties.getDefaults();
		checkAgrees("defaults.region", defaults.getRegion(), "region", properties.getRegion());
		checkAgrees("defaults.endpoint", defaults.getEndpoint(), "endpoint", properties.getEndpoint());
		String region = FunctionSettingsMapper.first(defaults.getRegion(), properties.getRegion());
		if (region == null) {
			region = applicationRegion.get();
		}
		URI endpoint = FunctionSettingsMapper.first(defaults.getEndpoint(), properties.getEndpoint());
		if (defaults.getRegion() == null) {
			checkKnown(PREFIX + "region", properties.getRegion(), endpoint);
		}
		checkLayer(PREFIX + "defaults.", defaults, endpoint);
		this.defaultKey = new RouteKey(region, endpoint, credentials(defaults.getCredentials(), null));
		for (Map.Entry<String, LambdaProperties.Function> entry : properties.getFunctions().entrySet()) {
			checkFunction(PREFIX + "functions." + entry.getKey() + ".", entry.getKey(), entry.getValue());
		}
	}

	/**
	 * Return the key of the default route: that of functions which set no region,
	 * endpoint or credentials of their own.
	 * @return the default key, whose region is {@code null} when only the SDK's region
	 * chain knows it
	 */
	RouteKey defaultKey() {
		return this.defaultKey;
	}

	/**
	 * Return the key of a function's route.
	 * @param function the function's configured settings, or {@code null} for a function
	 * code names without configuring it
	 * @param reference the function name sent to Lambda
	 * @return the key, whose region is {@code null} when only the SDK's region chain
	 * knows it
	 * @throws LambdaValidationException if the name is an ARN of a region the SDK does
	 * not know and no endpoint is set
	 */
	RouteKey keyOf(LambdaProperties.@Nullable Function function, FunctionReference reference) {
		if (function == null) {
			String arnRegion = reference.region();
			if (arnRegion != null && this.defaultKey.endpoint() == null && !KNOWN_REGIONS.contains(arnRegion)) {
				throw new LambdaValidationException("Function '" + reference.value() + "' names region '" + arnRegion
						+ "', which is not an AWS region the SDK knows", reference.value(), null);
			}
			return (arnRegion != null) ? this.defaultKey.withRegion(arnRegion) : this.defaultKey;
		}
		return new RouteKey(
				FunctionSettingsMapper.first(function.getRegion(), reference.region(), this.defaultKey.region()),
				FunctionSettingsMapper.first(function.getEndpoint(), this.defaultKey.endpoint()),
				credentials(function.getCredentials(), this.defaultKey.credentials()));
	}

	private void checkFunction(String prefix, String key, LambdaProperties.Function function) {
		URI endpoint = FunctionSettingsMapper.first(function.getEndpoint(), this.defaultKey.endpoint());
		checkLayer(prefix, function, endpoint);
		String name = (function.getFunctionName() != null) ? function.getFunctionName() : key;
		String arnRegion;
		try {
			arnRegion = FunctionReference.parse(name).region();
		}
		catch (LambdaValidationException ex) {
			// Reported with its property by LambdaPropertiesValidator.
			return;
		}
		if (arnRegion == null) {
			return;
		}
		String region = function.getRegion();
		if (region != null && !region.equals(arnRegion)) {
			throw new InvalidLambdaPropertyException(prefix + "region", region,
					"the function's ARN '" + name + "' is in region '" + arnRegion + "', but region '" + region
							+ "' is set; a call signed for '" + region + "' would be refused",
					"Remove " + prefix + "region to call the function in " + arnRegion + ", or set it to " + arnRegion
							+ ".");
		}
		if (endpoint == null && !KNOWN_REGIONS.contains(arnRegion)) {
			throw new InvalidLambdaPropertyException(prefix + "function-name", name,
					"its region '" + arnRegion + "' is not an AWS region the SDK knows",
					"Check the region in the ARN; for a region newer than the AWS SDK, upgrade the SDK.");
		}
	}

	private void checkLayer(String prefix, LambdaProperties.Function layer, @Nullable URI endpoint) {
		checkKnown(prefix + "region", layer.getRegion(), endpoint);
		checkCredentials(prefix + "credentials.", layer.getCredentials());
	}

	private void checkCredentials(String prefix, LambdaProperties.Credentials credentials) {
		String profile = credentials.getProfile();
		String roleArn = credentials.getRoleArn();
		if (profile != null && roleArn != null) {
			throw new InvalidLambdaPropertyException(
					prefix + "role-arn", roleArn, "calls are signed with one set of credentials, but both a profile ('"
							+ profile + "') and a role are set",
					"Remove " + prefix + "profile or " + prefix + "role-arn.");
		}
		if (roleArn == null) {
			roleOnly(prefix + "external-id", credentials.getExternalId());
			roleOnly(prefix + "session-name", credentials.getSessionName());
			roleOnly(prefix + "session-duration", credentials.getSessionDuration());
		}
		else {
			checkRole(prefix, roleArn, credentials);
		}
		if (profile != null) {
			checkProfile(prefix + "profile", profile);
		}
	}

	private void checkRole(String prefix, String roleArn, LambdaProperties.Credentials credentials) {
		if (!ROLE_ARN.matcher(roleArn).matches()) {
			throw new InvalidLambdaPropertyException(prefix + "role-arn", roleArn, "it is not the ARN of an IAM role",
					"Use the role's ARN, such as arn:aws:iam::123456789012:role/invoke-pricing.");
		}
		if (!this.stsPresent) {
			throw new InvalidLambdaPropertyException(prefix + "role-arn", roleArn,
					"assuming a role needs the AWS STS module, which is not on the class path",
					"Add the dependency software.amazon.awssdk:sts (its version comes from the AWS SDK BOM).");
		}
		String sessionName = credentials.getSessionName();
		if (sessionName != null && !SESSION_NAME.matcher(sessionName).matches()) {
			throw new InvalidLambdaPropertyException(prefix + "session-name", sessionName,
					"a role session name is 2 to 64 letters, digits and the characters _+=,.@-",
					"Use a name such as orders-service.");
		}
		Duration duration = credentials.getSessionDuration();
		if (duration != null && (duration.compareTo(SHORTEST_SESSION) < 0 || duration.compareTo(LONGEST_SESSION) > 0)) {
			throw new InvalidLambdaPropertyException(prefix + "session-duration", duration,
					"STS issues role sessions of 15 minutes to 12 hours",
					"Set a duration from 15m to the role's maximum session duration (at most 12h), or remove it "
							+ "for 1 hour.");
		}
	}

	private void checkProfile(String property, String profile) {
		ProfileFile file;
		try {
			file = this.profileFile.get();
		}
		catch (RuntimeException ex) {
			throw new InvalidLambdaPropertyException(property, profile,
					"the AWS config and credentials files cannot be read: " + ex.getMessage(),
					"Fix the files, or point aws.configFile and aws.sharedCredentialsFile (or AWS_CONFIG_FILE and "
							+ "AWS_SHARED_CREDENTIALS_FILE) at readable ones.");
		}
		if (file.profile(profile).isEmpty()) {
			throw new InvalidLambdaPropertyException(property, profile,
					"no profile of that name is in the AWS config or credentials files (profiles: "
							+ file.profiles().keySet() + ")",
					"Add the profile to ~/.aws/credentials or ~/.aws/config, or name an existing one.");
		}
	}

	private static void roleOnly(String property, @Nullable Object value) {
		if (value != null) {
			throw new InvalidLambdaPropertyException(property, value,
					"it only applies to a role to assume, and no role-arn is set",
					"Set the role-arn beside it, or remove it.");
		}
	}

	private static void checkKnown(String property, @Nullable String region, @Nullable URI endpoint) {
		// An endpoint of its own may serve any region name, as local emulators do.
		if (region != null && endpoint == null && !KNOWN_REGIONS.contains(region)) {
			throw new InvalidLambdaPropertyException(property, region, "it is not an AWS region the SDK knows",
					"Use a region id such as eu-west-1 or us-east-1; for a region newer than the AWS SDK, upgrade "
							+ "the SDK.");
		}
	}

	private static void checkAgrees(String property, @Nullable Object value, String otherProperty,
			@Nullable Object other) {
		if (value != null && other != null && !value.equals(other)) {
			throw new InvalidLambdaPropertyException(PREFIX + property, value,
					PREFIX + otherProperty + " is '" + other + "', and both set the default of every function",
					"Set only one of " + PREFIX + property + " and " + PREFIX + otherProperty + ".");
		}
	}

	private static CredentialsSource credentials(LambdaProperties.Credentials credentials,
			@Nullable CredentialsSource fallback) {
		if (credentials.getProfile() != null) {
			return new CredentialsSource.Profile(credentials.getProfile());
		}
		if (credentials.getRoleArn() != null) {
			String sessionName = credentials.getSessionName();
			return new CredentialsSource.Role(credentials.getRoleArn(), credentials.getExternalId(),
					(sessionName != null) ? sessionName : DEFAULT_SESSION_NAME, credentials.getSessionDuration());
		}
		return (fallback != null) ? fallback : CredentialsSource.APPLICATION;
	}

}

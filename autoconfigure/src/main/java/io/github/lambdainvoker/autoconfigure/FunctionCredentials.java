package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Credentials a function is called with instead of the application's: either a named
 * profile or an IAM role to assume. Set under {@code aws.lambda.defaults.credentials} or
 * {@code aws.lambda.functions.<key>.credentials}; a function that names neither a profile
 * nor a role uses the defaults' credentials.
 */
public class FunctionCredentials {

	/**
	 * Name of the profile in the AWS config and credentials files whose credentials sign
	 * the calls.
	 */
	private @Nullable String profile;

	/**
	 * ARN of the IAM role to assume through STS; its temporary credentials sign the calls
	 * and are refreshed before they expire. Needs software.amazon.awssdk:sts.
	 */
	private @Nullable String roleArn;

	/**
	 * External id that the role's trust policy asks for.
	 */
	private @Nullable String externalId;

	/**
	 * Name of the role session, as CloudTrail shows it. Built-in default: lambda-invoker.
	 */
	private @Nullable String sessionName;

	/**
	 * How long each set of temporary credentials lasts, from 15 minutes up to the role's
	 * maximum session duration. Built-in default: 1 hour.
	 */
	private @Nullable Duration sessionDuration;

	public @Nullable String getProfile() {
		return this.profile;
	}

	public void setProfile(@Nullable String profile) {
		this.profile = profile;
	}

	public @Nullable String getRoleArn() {
		return this.roleArn;
	}

	public void setRoleArn(@Nullable String roleArn) {
		this.roleArn = roleArn;
	}

	public @Nullable String getExternalId() {
		return this.externalId;
	}

	public void setExternalId(@Nullable String externalId) {
		this.externalId = externalId;
	}

	public @Nullable String getSessionName() {
		return this.sessionName;
	}

	public void setSessionName(@Nullable String sessionName) {
		this.sessionName = sessionName;
	}

	public @Nullable Duration getSessionDuration() {
		return this.sessionDuration;
	}

	public void setSessionDuration(@Nullable Duration sessionDuration) {
		this.sessionDuration = sessionDuration;
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where the credentials of a route come from. Values, so that routes with the same source
 * share their clients.
 */
sealed interface CredentialsSource {

	/**
	 * The application's credentials: its {@code AwsCredentialsProvider} bean, or the
	 * SDK's chain.
	 */
	CredentialsSource APPLICATION = new Application();

	/**
	 * The application's credentials.
	 */
	record Application() implements CredentialsSource {

	}

	/**
	 * A named profile of the AWS config and credentials files.
	 *
	 * @param name the profile name
	 */
	record Profile(String name) implements CredentialsSource {

	}

	/**
	 * An IAM role assumed through STS with the application's credentials.
	 *
	 * @param roleArn the role's ARN
	 * @param externalId the external id the role's trust policy asks for, or {@code null}
	 * @param sessionName the role session name
	 * @param sessionDuration how long each set of credentials lasts, or {@code null} for
	 * STS's default
	 */
	record Role(String roleArn, @Nullable String externalId, String sessionName,
			@Nullable Duration sessionDuration) implements CredentialsSource {

	}

}

package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Credentials of an IAM role, assumed through STS with the application's credentials and
 * refreshed before they expire. Closing it closes its STS client. Only loaded when the
 * STS module is on the class path.
 */
final class StsRoleCredentials implements AwsCredentialsProvider, SdkAutoCloseable {

	private final StsClient sts;

	private final StsAssumeRoleCredentialsProvider provider;

	private final String roleArn;

	private StsRoleCredentials(StsClient sts, StsAssumeRoleCredentialsProvider provider, String roleArn) {
		this.sts = sts;
		this.provider = provider;
		this.roleArn = roleArn;
	}

	/**
	 * Create the credentials of a role.
	 * @param role the role and its session settings
	 * @param region the region of the STS endpoint to ask, or {@code null} for the SDK's
	 * region chain
	 * @param base the credentials to assume the role with
	 * @return the role's credentials
	 */
	static StsRoleCredentials provider(CredentialsSource.Role role, @Nullable String region,
			AwsCredentialsProvider base) {
		StsClientBuilder builder = StsClient.builder().credentialsProvider(base);
		if (region != null) {
			builder.region(Region.of(region));
		}
		StsClient sts = LambdaSdkClientFactory.build(builder);
		AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
			.roleArn(role.roleArn())
			.roleSessionName(role.sessionName())
			.externalId(role.externalId());
		Duration sessionDuration = role.sessionDuration();
		if (sessionDuration != null) {
			request.durationSeconds((int) sessionDuration.toSeconds());
		}
		StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
			.stsClient(sts)
			.refreshRequest(request.build())
			.build();
		return new StsRoleCredentials(sts, provider, role.roleArn());
	}

	@Override
	public AwsCredentials resolveCredentials() {
		return this.provider.resolveCredentials();
	}

	@Override
	public void close() {
		this.provider.close();
		this.sts.close();
	}

	@Override
	public String toString() {
		return "StsRoleCredentials[" + this.roleArn + "]";
	}

}

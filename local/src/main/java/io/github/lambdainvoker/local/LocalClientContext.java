package io.github.lambdainvoker.local;

import java.util.Map;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ClientContext} decoded from an {@code X-Amz-Client-Context} header.
 *
 * @param client the {@code client} section, or {@code null} if absent
 * @param custom the {@code custom} section
 * @param environment the {@code env} section
 */
record LocalClientContext(@Nullable Client client, Map<String, String> custom,
		Map<String, String> environment) implements ClientContext {

	@Override
	public @Nullable Client getClient() {
		return this.client;
	}

	@Override
	public Map<String, String> getCustom() {
		return this.custom;
	}

	@Override
	public Map<String, String> getEnvironment() {
		return this.environment;
	}

	/**
	 * The {@code client} section of a client context: the calling application.
	 *
	 * @param installationId the {@code installation_id}
	 * @param appTitle the {@code app_title}
	 * @param appVersionName the {@code app_version_name}
	 * @param appVersionCode the {@code app_version_code}
	 * @param appPackageName the {@code app_package_name}
	 */
	record LocalClient(@Nullable String installationId, @Nullable String appTitle, @Nullable String appVersionName,
			@Nullable String appVersionCode, @Nullable String appPackageName) implements Client {

		@Override
		public @Nullable String getInstallationId() {
			return this.installationId;
		}

		@Override
		public @Nullable String getAppTitle() {
			return this.appTitle;
		}

		@Override
		public @Nullable String getAppVersionName() {
			return this.appVersionName;
		}

		@Override
		public @Nullable String getAppVersionCode() {
			return this.appVersionCode;
		}

		@Override
		public @Nullable String getAppPackageName() {
			return this.appPackageName;
		}

	}

}

package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LogType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties for invoking AWS Lambda functions.
 */
@ConfigurationProperties("aws.lambda")
public class LambdaProperties {

	/**
	 * AWS region of the functions, such as eu-west-1. Defaults to the SDK's region
	 * provider chain (AWS_REGION, profile, instance metadata).
	 */
	private @Nullable String region;

	/**
	 * Endpoint to send requests to instead of the regional Lambda endpoint, for example a
	 * local emulator.
	 */
	private @Nullable URI endpoint;

	/**
	 * Whether every function key used in code must be configured under
	 * aws.lambda.functions.
	 */
	private boolean strict;

	/**
	 * Settings applied to every function unless the function overrides them.
	 */
	private final Function defaults = new Function();

	/**
	 * Per-function settings, by the key code uses to name the function.
	 */
	private final Map<String, Function> functions = new LinkedHashMap<>();

	/**
	 * HTTP client settings.
	 */
	private final Http http = new Http();

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public Function getDefaults() {
		return this.defaults;
	}

	public Map<String, Function> getFunctions() {
		return this.functions;
	}

	public Http getHttp() {
		return this.http;
	}

	/**
	 * Settings of one function, or the defaults of every function. Unset values fall back
	 * to the next layer: functions.&lt;key&gt;, then annotation attributes, then
	 * defaults, then built-in defaults.
	 */
	public static class Function {

		/**
		 * Function name, name:alias, full ARN or partial ARN to invoke. Defaults to the
		 * function key. Not allowed under defaults.
		 */
		private @Nullable String functionName;

		/**
		 * Version or alias to invoke.
		 */
		private @Nullable String qualifier;

		/**
		 * How Lambda runs the invocation. Built-in default: request-response.
		 */
		private @Nullable InvocationType invocationType;

		/**
		 * Whether to ask for the tail of the execution log. Built-in default: none.
		 */
		private @Nullable LogType logType;

		/**
		 * Longest a whole call may take, all attempts and waits included. Built-in
		 * default: no limit beyond the attempts.
		 */
		private @Nullable Duration timeout;

		/**
		 * Longest one attempt may take. Built-in default: the HTTP read timeout.
		 */
		private @Nullable Duration attemptTimeout;

		/**
		 * Most calls of the function in flight at once from this application. Built-in
		 * default: no limit.
		 */
		private @Nullable Integer maxConcurrency;

		/**
		 * Longest a call beyond max-concurrency waits for a free permit before it is
		 * rejected. Built-in default: 0.
		 */
		private @Nullable Duration maxWait;

		/**
		 * Retry settings.
		 */
		private final Retry retry = new Retry();

		/**
		 * Client context sent with every call.
		 */
		private final ClientContextValues clientContext = new ClientContextValues();

		/**
		 * AWS region of the function, such as eu-west-1. Must agree with the region of a
		 * full ARN in function-name. Built-in default: the region of such an ARN, else
		 * aws.lambda.region.
		 */
		private @Nullable String region;

		/**
		 * Endpoint to send the function's requests to instead of its region's Lambda
		 * endpoint. Built-in default: aws.lambda.endpoint.
		 */
		private @Nullable URI endpoint;

		/**
		 * Credentials the function is called with instead of the application's.
		 */
		@NestedConfigurationProperty
		private final Credentials credentials = new Credentials();

		public @Nullable String getFunctionName() {
			return this.functionName;
		}

		public void setFunctionName(@Nullable String functionName) {
			this.functionName = functionName;
		}

		public @Nullable String getQualifier() {
			return this.qualifier;
		}

		public void setQualifier(@Nullable String qualifier) {
			this.qualifier = qualifier;
		}

		public @Nullable InvocationType getInvocationType() {
			return this.invocationType;
		}

		public void setInvocationType(@Nullable InvocationType invocationType) {
			this.invocationType = invocationType;
		}

		public @Nullable LogType getLogType() {
			return this.logType;
		}

		public void setLogType(@Nullable LogType logType) {
			this.logType = logType;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable Duration getAttemptTimeout() {
			return this.attemptTimeout;
		}

		public void setAttemptTimeout(@Nullable Duration attemptTimeout) {
			this.attemptTimeout = attemptTimeout;
		}

		public @Nullable Integer getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(@Nullable Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		public @Nullable Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(@Nullable Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Retry getRetry() {
			return this.retry;
		}

		public ClientContextValues getClientContext() {
			return this.clientContext;
		}

		public @Nullable String getRegion() {
			return this.region;
		}

		public void setRegion(@Nullable String region) {
			this.region = region;
		}

		public @Nullable URI getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
		}

		public Credentials getCredentials() {
			return this.credentials;
		}

	}

	/**
	 * Retry settings of a function. Unset values fall back to the defaults.
	 */
	public static class Retry {

		/**
		 * Whether failed calls are retried. Built-in default: true.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Most attempts a call makes, the first included. Built-in default: 3.
		 */
		private @Nullable Integer maxAttempts;

		/**
		 * Wait before the first retry. Built-in default: 100ms.
		 */
		private @Nullable Duration initialInterval;

		/**
		 * Factor each wait grows by. Built-in default: 2.0.
		 */
		private @Nullable Double multiplier;

		/**
		 * Longest wait between attempts; a longer Retry-After ends the retries. Built-in
		 * default: 5s.
		 */
		private @Nullable Duration maxInterval;

		/**
		 * Whether waits are randomised between half and all of the computed wait.
		 * Built-in default: true.
		 */
		private @Nullable Boolean jitter;

		/**
		 * Whether the function may safely run twice, so failures whose outcome is unknown
		 * (read timeouts, resets after sending) are retried too. Built-in default: false.
		 */
		private @Nullable Boolean idempotent;

		/**
		 * Whether function errors (X-Amz-Function-Error) are retried. Built-in default:
		 * false.
		 */
		private @Nullable Boolean retryOnFunctionError;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(@Nullable Integer maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public @Nullable Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(@Nullable Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(@Nullable Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public @Nullable Boolean getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Boolean jitter) {
			this.jitter = jitter;
		}

		public @Nullable Boolean getIdempotent() {
			return this.idempotent;
		}

		public void setIdempotent(@Nullable Boolean idempotent) {
			this.idempotent = idempotent;
		}

		public @Nullable Boolean getRetryOnFunctionError() {
			return this.retryOnFunctionError;
		}

		public void setRetryOnFunctionError(@Nullable Boolean retryOnFunctionError) {
			this.retryOnFunctionError = retryOnFunctionError;
		}

	}

	/**
	 * Client context values. A function's values are merged over the defaults' values.
	 */
	public static class ClientContextValues {

		/**
		 * Application-defined values (the custom section).
		 */
		private final Map<String, String> custom = new LinkedHashMap<>();

		/**
		 * Environment values (the env section), such as platform or locale.
		 */
		private final Map<String, String> env = new LinkedHashMap<>();

		/**
		 * Client values (the client section), such as app_title or installation_id.
		 */
		private final Map<String, String> client = new LinkedHashMap<>();

		public Map<String, String> getCustom() {
			return this.custom;
		}

		public Map<String, String> getEnv() {
			return this.env;
		}

		public Map<String, String> getClient() {
			return this.client;
		}

	}

	/**
	 * HTTP client settings shared by all functions.
	 */
	public static class Http {

		/**
		 * Time to establish a connection.
		 */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/**
		 * Socket read timeout. Defaults to the longest configured timeout or
		 * attempt-timeout, or 15 minutes (Lambda's longest run) when a function has
		 * neither. A value shorter than a configured timeout is refused at start-up.
		 */
		private @Nullable Duration readTimeout;

		/**
		 * Time to wait for a free connection from the pool.
		 */
		private Duration connectionAcquisitionTimeout = Duration.ofSeconds(10);

		/**
		 * Maximum number of open connections.
		 */
		private int maxConnections = 50;

		/**
		 * Whether to send TCP keep-alive packets, needed for calls longer than a NAT
		 * gateway's idle timeout (350 seconds on AWS).
		 */
		private boolean tcpKeepAlive = true;

		/**
		 * Quiet period of the asynchronous client's event loop when the application
		 * stops: closing waits until no task has run for this long, and at most 2 seconds
		 * more. Only paid when an asynchronous or streaming call was made.
		 */
		private Duration shutdownQuietPeriod = Duration.ofMillis(100);

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(@Nullable Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getConnectionAcquisitionTimeout() {
			return this.connectionAcquisitionTimeout;
		}

		public void setConnectionAcquisitionTimeout(Duration connectionAcquisitionTimeout) {
			this.connectionAcquisitionTimeout = connectionAcquisitionTimeout;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public boolean isTcpKeepAlive() {
			return this.tcpKeepAlive;
		}

		public void setTcpKeepAlive(boolean tcpKeepAlive) {
			this.tcpKeepAlive = tcpKeepAlive;
		}

		public Duration getShutdownQuietPeriod() {
			return this.shutdownQuietPeriod;
		}

		public void setShutdownQuietPeriod(Duration shutdownQuietPeriod) {
			this.shutdownQuietPeriod = shutdownQuietPeriod;
		}

	}

	/**
	 * Credentials a function is called with instead of the application's: either a named
	 * profile or an IAM role to assume. Set under {@code aws.lambda.defaults.credentials}
	 * or {@code aws.lambda.functions.<key>.credentials}; a function that names neither a
	 * profile nor a role uses the defaults' credentials.
	 */
	public static class Credentials {

		/**
		 * Name of the profile in the AWS config and credentials files whose credentials
		 * sign the calls.
		 */
		private @Nullable String profile;

		/**
		 * ARN of the IAM role to assume through STS; its temporary credentials sign the
		 * calls and are refreshed before they expire. Needs software.amazon.awssdk:sts.
		 */
		private @Nullable String roleArn;

		/**
		 * External id that the role's trust policy asks for.
		 */
		private @Nullable String externalId;

		/**
		 * Name of the role session, as CloudTrail shows it. Built-in default:
		 * lambda-invoker.
		 */
		private @Nullable String sessionName;

		/**
		 * How long each set of temporary credentials lasts, from 15 minutes up to the
		 * role's maximum session duration. Built-in default: 1 hour.
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

}

package io.github.lambdainvoker.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

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

	public Http getHttp() {
		return this.http;
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
		 * Socket read timeout: the longest a synchronous call may wait for the function's
		 * response. Lambda functions may run for up to 15 minutes.
		 */
		private Duration readTimeout = Duration.ofMinutes(15);

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

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
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

	}

}

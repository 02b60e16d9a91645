package io.github.lambdainvoker.local.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Configuration properties of the local Lambda emulator.
 */
@ConfigurationProperties("aws.lambda.local")
public class LocalLambdaProperties {

	/** Whether to start a local Lambda emulator and point the Lambda clients at it. */
	private boolean enabled;

	/** Port the emulator listens on, on the loopback address; 0 for a free port. */
	private int port;

	/** Region that function ARNs name; defaults to aws.lambda.region, else us-east-1. */
	private @Nullable String region;

	/** Account id that function ARNs name. */
	private String accountId = "123456789012";

	/** Functions to serve, by function name. */
	private Map<String, Function> functions = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(String accountId) {
		this.accountId = accountId;
	}

	public Map<String, Function> getFunctions() {
		return this.functions;
	}

	public void setFunctions(Map<String, Function> functions) {
		this.functions = functions;
	}

	/**
	 * Settings of one function.
	 */
	public static class Function {

		/**
		 * Handler class, created with its no-arg constructor; leave unset for
		 * a @LocalLambdaFunction bean.
		 */
		private @Nullable String handler;

		/**
		 * How long an invocation may run before it is stopped; seconds if no unit is
		 * given.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration timeout = Duration.ofSeconds(3);

		/**
		 * Memory size that the handler's context reports; megabytes if no unit is given.
		 */
		@DataSizeUnit(DataUnit.MEGABYTES)
		private DataSize memorySize = DataSize.ofMegabytes(128);

		/**
		 * Most invocations that may run at once; unset for no limit, 0 to throttle all.
		 */
		private @Nullable Integer reservedConcurrency;

		/** Published version numbers, each running the same handler as $LATEST. */
		private List<String> versions = new ArrayList<>();

		/**
		 * Aliases, by alias name, with the version ($LATEST or a number) each points at.
		 */
		private Map<String, String> aliases = new LinkedHashMap<>();

		public @Nullable String getHandler() {
			return this.handler;
		}

		public void setHandler(@Nullable String handler) {
			this.handler = handler;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public DataSize getMemorySize() {
			return this.memorySize;
		}

		public void setMemorySize(DataSize memorySize) {
			this.memorySize = memorySize;
		}

		public @Nullable Integer getReservedConcurrency() {
			return this.reservedConcurrency;
		}

		public void setReservedConcurrency(@Nullable Integer reservedConcurrency) {
			this.reservedConcurrency = reservedConcurrency;
		}

		public List<String> getVersions() {
			return this.versions;
		}

		public void setVersions(List<String> versions) {
			this.versions = versions;
		}

		public Map<String, String> getAliases() {
			return this.aliases;
		}

		public void setAliases(Map<String, String> aliases) {
			this.aliases = aliases;
		}

	}

}

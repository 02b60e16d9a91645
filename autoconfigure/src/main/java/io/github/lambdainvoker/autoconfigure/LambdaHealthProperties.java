package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the health of the configured Lambda functions.
 */
@ConfigurationProperties("aws.lambda.health")
public class LambdaHealthProperties {

	/**
	 * How long the result of a function's check is reused before it is checked again.
	 */
	private Duration cacheTtl = Duration.ofSeconds(30);

	/**
	 * Longest one check of one function may take before the function is reported DOWN.
	 * Checks are never retried.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	/**
	 * How functions are checked.
	 */
	private Mode mode = Mode.DRY_RUN;

	public Duration getCacheTtl() {
		return this.cacheTtl;
	}

	public void setCacheTtl(Duration cacheTtl) {
		this.cacheTtl = cacheTtl;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	/**
	 * How functions are checked.
	 */
	public enum Mode {

		/**
		 * Invoke with the DryRun invocation type: proves that the function exists and
		 * that the application may invoke it, without running it.
		 */
		DRY_RUN,

		/**
		 * Read the function's configuration and report its State and LastUpdateStatus;
		 * needs lambda:GetFunctionConfiguration.
		 */
		CONFIGURATION

	}

}

package io.github.lambdainvoker.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for observing Lambda calls.
 */
@ConfigurationProperties("aws.lambda.observations")
public class LambdaObservationProperties {

	/**
	 * Whether Lambda calls are observed (aws.lambda.invocations) and measured
	 * (aws.lambda.retries, aws.lambda.payload.size).
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}

package io.github.lambdainvoker.health;

import java.time.Duration;

import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import org.springframework.boot.health.contributor.Health;

/**
 * Turns the failure of a probe into a health: DOWN with Lambda's error code, except for
 * throttling, which says nothing about the function and is reported UP so that the health
 * does not flap under load.
 */
final class ProbeFailures {

	private final Duration timeout;

	ProbeFailures(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Set the status and details that describe a failed probe.
	 * @param health the health to complete
	 * @param function the function probed
	 * @param failure the failure of the probe
	 * @return the given health
	 */
	Health.Builder describe(Health.Builder health, ResolvedFunction function, Throwable failure) {
		LambdaInvocationException ex = LambdaInvocationException.from(failure, function.key(), function.qualifier());
		if (ex instanceof LambdaThrottlingException throttled) {
			return health.up().withDetail("throttled", true).withDetail("errorCode", throttled.getErrorCode());
		}
		if (ex instanceof LambdaServiceException service) {
			return health.down()
				.withDetail("statusCode", service.getStatusCode())
				.withDetail("errorCode", service.getErrorCode())
				.withDetail("error", serviceMessage(service));
		}
		if (ex instanceof LambdaTimeoutException) {
			return timedOut(health);
		}
		return health.down().withDetail("error", ex.getMessage());
	}

	/**
	 * Set the status and details that describe a probe without an answer in time.
	 * @param health the health to complete
	 * @return the given health
	 */
	Health.Builder timedOut(Health.Builder health) {
		return health.down()
			.withDetail("error", "No answer within " + this.timeout.toMillis() + "ms")
			.withDetail("timeout", this.timeout.toMillis() + "ms");
	}

	private static String serviceMessage(LambdaServiceException ex) {
		if (ex.getCause() instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& aws.awsErrorDetails().errorMessage() != null) {
			return aws.awsErrorDetails().errorMessage();
		}
		return ex.getMessage();
	}

}

package io.github.lambdainvoker.health;

import java.time.Duration;

import io.github.lambdainvoker.invoke.LambdaRoute;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.health.contributor.Health;

/**
 * Base of the probes: one SDK call per check, bounded by the probe timeout, whose failure
 * becomes a DOWN (or, when throttled, UP) health with details. A function with a
 * {@link LambdaRoute route} of its own is probed through the route's client, like its
 * calls.
 */
abstract class TimedProbe implements FunctionProbe {

	private final LambdaClient client;

	private final AwsRequestOverrideConfiguration timeout;

	private final ProbeFailures failures;

	TimedProbe(LambdaClient client, Duration timeout) {
		this.client = client;
		this.timeout = AwsRequestOverrideConfiguration.builder()
			.apiCallAttemptTimeout(timeout)
			.apiCallTimeout(timeout)
			.build();
		this.failures = new ProbeFailures(timeout);
	}

	@Override
	public final Health check(ResolvedFunction function) {
		Health.Builder health = FunctionDetails.of(function);
		try {
			LambdaRoute route = function.route();
			probe((route != null) ? route.client() : this.client, function, this.timeout, health);
		}
		catch (RuntimeException ex) {
			this.failures.describe(health, function, ex);
		}
		return health.build();
	}

	/**
	 * Make the SDK call and describe its answer.
	 * @param client the client of the function's route
	 * @param function the function to check
	 * @param timeout the override configuration that bounds the call
	 * @param health the health to set the status and details of
	 */
	abstract void probe(LambdaClient client, ResolvedFunction function, AwsRequestOverrideConfiguration timeout,
			Health.Builder health);

}

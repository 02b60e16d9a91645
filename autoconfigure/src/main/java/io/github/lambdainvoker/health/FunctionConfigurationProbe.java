package io.github.lambdainvoker.health;

import java.time.Duration;

import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;

import org.springframework.boot.health.contributor.Health;

/**
 * Checks a function with {@code GetFunctionConfiguration} and reports its {@code State}
 * and {@code LastUpdateStatus}: a function that is {@code Pending}, {@code Failed} or
 * whose last update failed is DOWN. Needs the {@code lambda:GetFunctionConfiguration}
 * permission, not {@code lambda:InvokeFunction}.
 */
final class FunctionConfigurationProbe extends TimedProbe {

	/**
	 * Create a probe.
	 * @param client the client to send the probe with, unless the function has a route of
	 * its own; it should not retry
	 * @param timeout the longest a probe may take
	 */
	FunctionConfigurationProbe(LambdaClient client, Duration timeout) {
		super(client, timeout);
	}

	@Override
	void probe(LambdaClient client, ResolvedFunction function, AwsRequestOverrideConfiguration timeout,
			Health.Builder health) {
		describe(health,
				client.getFunctionConfiguration(GetFunctionConfigurationRequest.builder()
					.functionName(function.functionName())
					.qualifier(function.qualifier())
					.overrideConfiguration(timeout)
					.build()));
	}

	private static void describe(Health.Builder health, GetFunctionConfigurationResponse configuration) {
		State state = configuration.state();
		LastUpdateStatus lastUpdate = configuration.lastUpdateStatus();
		if (state != null) {
			health.withDetail("state", configuration.stateAsString());
		}
		if (lastUpdate != null) {
			health.withDetail("lastUpdateStatus", configuration.lastUpdateStatusAsString());
		}
		boolean stateDown = state == State.PENDING || state == State.FAILED;
		boolean updateDown = lastUpdate == LastUpdateStatus.FAILED;
		if (stateDown && configuration.stateReason() != null) {
			health.withDetail("stateReason", configuration.stateReason());
		}
		if (updateDown && configuration.lastUpdateStatusReason() != null) {
			health.withDetail("lastUpdateStatusReason", configuration.lastUpdateStatusReason());
		}
		if (stateDown || updateDown) {
			health.down();
		}
		else {
			health.up();
		}
	}

}

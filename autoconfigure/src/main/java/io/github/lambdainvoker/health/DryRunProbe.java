package io.github.lambdainvoker.health;

import java.time.Duration;

import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import org.springframework.boot.health.contributor.Health;

/**
 * Checks a function with a {@code DryRun} Invoke: Lambda checks that the function (and
 * qualifier) exists and that the caller may invoke it, without running it.
 */
final class DryRunProbe extends TimedProbe {

	/**
	 * Create a probe.
	 * @param client the client to send the probe with, unless the function has a route of
	 * its own; it should not retry
	 * @param timeout the longest a probe may take
	 */
	DryRunProbe(LambdaClient client, Duration timeout) {
		super(client, timeout);
	}

	@Override
	void probe(LambdaClient client, ResolvedFunction function, AwsRequestOverrideConfiguration timeout,
			Health.Builder health) {
		client.invoke(InvokeRequest.builder()
			.functionName(function.functionName())
			.qualifier(function.qualifier())
			.invocationType(InvocationType.DRY_RUN.wireValue())
			.overrideConfiguration(timeout)
			.build());
		health.up();
	}

}

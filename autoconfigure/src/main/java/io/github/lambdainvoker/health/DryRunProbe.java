package io.github.lambdainvoker.health;

import java.time.Duration;

import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import org.springframework.boot.health.contributor.Health;

/**
 * Checks a function with a {@code DryRun} Invoke: Lambda checks that the function (and
 * qualifier) exists and that the caller may invoke it, without running it.
 */
public final class DryRunProbe implements FunctionProbe {

	private final LambdaClient client;

	private final Duration timeout;

	private final ProbeFailures failures;

	/**
	 * Create a probe.
	 * @param client the client to send the probe with; it should not retry
	 * @param timeout the longest a probe may take
	 */
	public DryRunProbe(LambdaClient client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
		this.failures = new ProbeFailures(timeout);
	}

	@Override
	public Health check(ResolvedFunction function) {
		Health.Builder health = FunctionDetails.of(function);
		try {
			this.client.invoke(InvokeRequest.builder()
				.functionName(function.functionName())
				.qualifier(function.qualifier())
				.invocationType(InvocationType.DRY_RUN.wireValue())
				.overrideConfiguration((config) -> config.apiCallAttemptTimeout(this.timeout)
					.apiCallTimeout(this.timeout))
				.build());
			health.up();
		}
		catch (RuntimeException ex) {
			this.failures.describe(health, function, ex);
		}
		return health.build();
	}

}

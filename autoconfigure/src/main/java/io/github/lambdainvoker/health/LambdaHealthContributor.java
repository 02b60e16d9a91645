package io.github.lambdainvoker.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import io.github.lambdainvoker.invoke.ResolvedFunction;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code lambda} health contributor: one entry per function, named by its key. Each
 * function is probed at most once per time-to-live, within a timeout of its own and
 * without retrying, through the clients of its {@link ResolvedFunction#route() route} or
 * the given default client. Throttling is reported UP, with a detail, so that the health
 * does not flap under load.
 */
public final class LambdaHealthContributor implements CompositeHealthContributor {

	private final Map<String, HealthIndicator> indicators = new LinkedHashMap<>();

	/**
	 * Create a contributor that checks each function with a {@code DryRun} Invoke: Lambda
	 * checks that the function (and qualifier) exists and that the caller may invoke it,
	 * without running it.
	 * @param defaultClient the client of functions without a route of their own
	 * @param functions the functions to check, by key, in the order to report them
	 * @param executor the executor that runs the probes, one task per function at most
	 * @param timeToLive how long a result is reused
	 * @param probeTimeout the timeout of one probe
	 * @return the contributor
	 */
	public static LambdaHealthContributor dryRun(LambdaClient defaultClient, Map<String, ResolvedFunction> functions,
			Executor executor, Duration timeToLive, Duration probeTimeout) {
		return new LambdaHealthContributor(new FunctionHealthChecks(functions,
				new DryRunProbe(defaultClient, probeTimeout), executor, timeToLive, probeTimeout));
	}

	/**
	 * Create a contributor that checks each function with
	 * {@code GetFunctionConfiguration}: a function that is {@code Pending},
	 * {@code Failed} or whose last update failed is DOWN. Needs the
	 * {@code lambda:GetFunctionConfiguration} permission.
	 * @param defaultClient the client of functions without a route of their own
	 * @param functions the functions to check, by key, in the order to report them
	 * @param executor the executor that runs the probes, one task per function at most
	 * @param timeToLive how long a result is reused
	 * @param probeTimeout the timeout of one probe
	 * @return the contributor
	 */
	public static LambdaHealthContributor functionConfiguration(LambdaClient defaultClient,
			Map<String, ResolvedFunction> functions, Executor executor, Duration timeToLive, Duration probeTimeout) {
		return new LambdaHealthContributor(new FunctionHealthChecks(functions,
				new FunctionConfigurationProbe(defaultClient, probeTimeout), executor, timeToLive, probeTimeout));
	}

	LambdaHealthContributor(FunctionHealthChecks checks) {
		for (String key : checks.keys()) {
			this.indicators.put(key, () -> checks.health(key));
		}
	}

	@Override
	public @Nullable HealthContributor getContributor(String name) {
		return this.indicators.get(name);
	}

	@Override
	public Stream<HealthContributors.Entry> stream() {
		return this.indicators.entrySet()
			.stream()
			.map((entry) -> new HealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

}

package io.github.lambdainvoker.health;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.lambdainvoker.invoke.ResolvedFunction;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;

/**
 * The health of a fixed set of functions, each probed at most once per time-to-live
 * however often its health is asked for. When one function's health is asked for, every
 * function whose result has expired is probed at once, so that a health endpoint that
 * reads the functions one after the other waits for the slowest probe, not for their sum.
 */
final class FunctionHealthChecks {

	/** How much longer than a probe's own timeout a caller waits for its result. */
	private static final Duration WAIT_MARGIN = Duration.ofSeconds(1);

	private final Map<String, Check> checks;

	private final FunctionProbe probe;

	private final Executor executor;

	private final long timeToLiveNanos;

	private final Duration probeTimeout;

	private final ProbeFailures failures;

	/**
	 * Create checks.
	 * @param functions the functions to check, by key, in the order to report them
	 * @param probe the probe that checks one function
	 * @param executor the executor that runs the probes, one task per function at most
	 * @param timeToLive how long a result is reused
	 * @param probeTimeout the timeout of one probe
	 */
	FunctionHealthChecks(Map<String, ResolvedFunction> functions, FunctionProbe probe, Executor executor,
			Duration timeToLive, Duration probeTimeout) {
		Map<String, Check> checks = new LinkedHashMap<>();
		functions.forEach((key, function) -> checks.put(key, new Check(function)));
		this.checks = Collections.unmodifiableMap(checks);
		this.probe = probe;
		this.executor = executor;
		this.timeToLiveNanos = timeToLive.toNanos();
		this.probeTimeout = probeTimeout;
		this.failures = new ProbeFailures(probeTimeout);
	}

	/**
	 * Return the keys of the functions checked.
	 * @return the function keys, in order
	 */
	public Set<String> keys() {
		return this.checks.keySet();
	}

	/**
	 * Return the health of a function, probing it (and every other function whose result
	 * has expired) when its last result is older than the time-to-live.
	 * @param key the function key
	 * @return the health
	 * @throws IllegalArgumentException if the function is not checked
	 */
	public Health health(String key) {
		Check check = this.checks.get(key);
		if (check == null) {
			throw new IllegalArgumentException("Function '" + key + "' is not health-checked");
		}
		long now = System.nanoTime();
		for (Check other : this.checks.values()) {
			if (other != check) {
				other.current(now);
			}
		}
		return await(check, check.current(now));
	}

	private Health await(Check check, CompletableFuture<Health> result) {
		try {
			return result.get(this.probeTimeout.plus(WAIT_MARGIN).toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return this.failures.timedOut(FunctionDetails.of(check.function)).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return FunctionDetails.of(check.function).withDetail("error", "Interrupted").build();
		}
		catch (ExecutionException ex) {
			return FunctionDetails.of(check.function).down().withDetail("error", String.valueOf(ex.getCause())).build();
		}
	}

	/**
	 * The latest result of one function and the probe in flight, if any.
	 */
	private final class Check {

		private final ResolvedFunction function;

		private @Nullable Result result;

		private @Nullable CompletableFuture<Health> probing;

		Check(ResolvedFunction function) {
			this.function = function;
		}

		/**
		 * Return the result if still fresh, or else the probe in flight, starting one if
		 * none is.
		 */
		synchronized CompletableFuture<Health> current(long now) {
			Result result = this.result;
			if (result != null && now - result.checkedAt() < FunctionHealthChecks.this.timeToLiveNanos) {
				return CompletableFuture.completedFuture(result.health());
			}
			if (this.probing == null || this.probing.isDone()) {
				this.probing = probe();
			}
			return this.probing;
		}

		private CompletableFuture<Health> probe() {
			try {
				return CompletableFuture
					.supplyAsync(() -> FunctionHealthChecks.this.probe.check(this.function),
							FunctionHealthChecks.this.executor)
					.thenApply(this::remember);
			}
			catch (RuntimeException ex) {
				return CompletableFuture.failedFuture(ex);
			}
		}

		private synchronized Health remember(Health health) {
			this.result = new Result(health, System.nanoTime());
			return health;
		}

	}

	private record Result(Health health, long checkedAt) {

	}

}

package io.github.lambdainvoker.reliability;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.lambdainvoker.invoke.BulkheadSettings;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of attempt failures, a function that is not idempotent makes
 * exactly the attempts the rules allow: a failure that cannot have run the function is
 * retried, one whose outcome is unknown or that Lambda reports as final is not, and no
 * call makes more than max-attempts attempts, sync and async alike. Across random runs of
 * failing calls, the retry budget pays for no more retries than it holds.
 */
@Tag("faults")
class RetrySequencePropertyTests {

	@Property(tries = 300)
	void notIdempotentCallMakesExactlyTheAttemptsTheRulesAllow(
			@ForAll("failureSequences") @Size(min = 1, max = 6) List<Failure> failures,
			@ForAll @IntRange(min = 1, max = 6) int maxAttempts) {
		SpringRetryExecutor executor = new SpringRetryExecutor(List.of());
		PreparedInvocation invocation = invocation(maxAttempts, RetryBudgetSettings.DEFAULTS);
		int expected = expectedAttempts(failures, maxAttempts);
		assertThat(attemptsSync(executor, invocation, failures)).as("sync attempts").isEqualTo(expected);
		assertThat(attemptsAsync(executor, invocation, failures)).as("async attempts").isEqualTo(expected);
		for (int i = 0; i < expected - 1; i++) {
			assertThat(failures.get(i).mayHaveRun()).as("attempt %d was retried after %s", i + 1, failures.get(i))
				.isFalse();
		}
	}

	@Property(tries = 100)
	void retriesOfFailingCallsNeverExceedWhatTheBudgetHolds(@ForAll @IntRange(min = 1, max = 60) int capacity,
			@ForAll @IntRange(min = 1, max = 12) int retryCost, @ForAll @IntRange(min = 1, max = 40) int calls,
			@ForAll @IntRange(min = 1, max = 5) int maxAttempts, @ForAll boolean async) {
		Assume.that(retryCost <= capacity);
		SpringRetryExecutor executor = new SpringRetryExecutor(List.of());
		PreparedInvocation invocation = invocation(maxAttempts,
				new RetryBudgetSettings(true, capacity, retryCost, retryCost, 1));
		List<Failure> alwaysFailing = Collections.nCopies(maxAttempts, Failure.SERVICE_ERROR);
		int attempts = 0;
		for (int call = 0; call < calls; call++) {
			attempts += async ? attemptsAsync(executor, invocation, alwaysFailing)
					: attemptsSync(executor, invocation, alwaysFailing);
		}
		int retries = attempts - calls;
		assertThat(retries).isEqualTo(Math.min(calls * (maxAttempts - 1), capacity / retryCost));
	}

	/**
	 * The attempts a call makes under the rules: each failure that cannot have run the
	 * function is followed by another attempt, until the sequence ends (the next attempt
	 * succeeds), a failure is final, or max-attempts is reached.
	 */
	private static int expectedAttempts(List<Failure> failures, int maxAttempts) {
		int attempts = 1;
		while (attempts - 1 < failures.size() && failures.get(attempts - 1).retried() && attempts < maxAttempts) {
			attempts++;
		}
		return attempts;
	}

	@Provide
	Arbitrary<List<Failure>> failureSequences() {
		return Arbitraries.of(Failure.values()).list();
	}

	private static int attemptsSync(SpringRetryExecutor executor, PreparedInvocation invocation,
			List<Failure> failures) {
		AtomicInteger attempts = new AtomicInteger();
		try {
			executor.execute(invocation, (request) -> {
				int attempt = attempts.getAndIncrement();
				if (attempt < failures.size()) {
					throw failures.get(attempt).exception.get();
				}
				return "ok";
			});
		}
		catch (LambdaInvocationException ex) {
			// the sequence ended the call
		}
		return attempts.get();
	}

	private static int attemptsAsync(SpringRetryExecutor executor, PreparedInvocation invocation,
			List<Failure> failures) {
		AtomicInteger attempts = new AtomicInteger();
		executor.executeAsync(invocation, (request) -> {
			int attempt = attempts.getAndIncrement();
			return (attempt < failures.size()) ? CompletableFuture.failedFuture(failures.get(attempt).exception.get())
					: CompletableFuture.completedFuture("ok");
		}).handle((result, failure) -> result).join();
		return attempts.get();
	}

	private static PreparedInvocation invocation(int maxAttempts, RetryBudgetSettings budget) {
		ResolvedFunction base = ResolvedFunction.of("pricing", FunctionOptions.NONE);
		RetrySettings retry = new RetrySettings(true, maxAttempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
				false, false, false, budget);
		ResolvedFunction function = new ResolvedFunction(base.key(), base.reference(), null,
				InvocationType.REQUEST_RESPONSE, base.logType(), base.clientContext(), null, null, retry,
				BulkheadSettings.UNLIMITED);
		return new PreparedInvocation(function, null, InvocationType.REQUEST_RESPONSE, 2,
				InvokeRequest.builder().functionName("pricing").build());
	}

	enum Failure {

		RESET_AFTER_SENDING(true, false, () -> new LambdaClientException("reset", "pricing", null, true, null)),

		ATTEMPT_TIMEOUT(true, false, () -> new LambdaTimeoutException("timeout", "pricing", null, null)),

		GATEWAY_TIMEOUT(true, false, () -> service(504, "GatewayTimeout")),

		CONNECT_FAILED(false, true, () -> new LambdaClientException("refused", "pricing", null, false, null)),

		THROTTLED(false, true,
				() -> new LambdaThrottlingException("throttled", "pricing", null, "TooManyRequestsException", null,
						null, null, null)),

		SERVICE_ERROR(false, true, () -> service(500, "ServiceException")),

		TEMPORARY_502(false, true, () -> service(502, "EC2ThrottledException")),

		PERMANENT_502(false, false, () -> service(502, "KMSDisabledException")),

		NOT_FOUND(false, false, () -> service(404, "ResourceNotFoundException"));

		private final boolean mayHaveRun;

		private final boolean retried;

		private final Supplier<LambdaInvocationException> exception;

		Failure(boolean mayHaveRun, boolean retried, Supplier<LambdaInvocationException> exception) {
			this.mayHaveRun = mayHaveRun;
			this.retried = retried;
			this.exception = exception;
		}

		boolean mayHaveRun() {
			return this.mayHaveRun;
		}

		/**
		 * Whether the rules retry this failure for a function that is not idempotent.
		 */
		boolean retried() {
			return this.retried;
		}

		private static LambdaInvocationException service(int status, String code) {
			return new LambdaServiceException(code, "pricing", null, status, code, null, null);
		}

	}

}

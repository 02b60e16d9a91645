package io.github.lambdainvoker.reliability;

import java.time.Duration;
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
import io.github.lambdainvoker.invoke.RetrySettings;
import io.github.lambdainvoker.invoke.retry.SpringRetryExecutor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of attempt failures, a function that is not idempotent is never
 * sent again after a failure whose outcome is unknown, sync and async follow the same
 * plan, and no call makes more than max-attempts attempts.
 */
@Tag("faults")
class RetrySequencePropertyTests {

	private final SpringRetryExecutor executor = new SpringRetryExecutor(List.of());

	@Property(tries = 300)
	void notIdempotentCallIsNeverSentAgainAfterAnUnknownOutcome(
			@ForAll("failureSequences") @Size(min = 1, max = 6) List<Failure> failures,
			@ForAll @IntRange(min = 1, max = 6) int maxAttempts) {
		PreparedInvocation invocation = invocation(maxAttempts);
		int syncAttempts = attemptsSync(invocation, failures);
		int asyncAttempts = attemptsAsync(invocation, failures);
		assertThat(asyncAttempts).isEqualTo(syncAttempts);
		assertThat(syncAttempts).isBetween(1, maxAttempts);
		for (int i = 0; i < syncAttempts - 1 && i < failures.size(); i++) {
			assertThat(failures.get(i).mayHaveRun()).as("attempt %d was retried after %s", i + 1, failures.get(i))
				.isFalse();
		}
	}

	@Provide
	Arbitrary<List<Failure>> failureSequences() {
		return Arbitraries.of(Failure.values()).list();
	}

	private int attemptsSync(PreparedInvocation invocation, List<Failure> failures) {
		AtomicInteger attempts = new AtomicInteger();
		try {
			this.executor.execute(invocation, (request) -> {
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

	private int attemptsAsync(PreparedInvocation invocation, List<Failure> failures) {
		AtomicInteger attempts = new AtomicInteger();
		this.executor.executeAsync(invocation, (request) -> {
			int attempt = attempts.getAndIncrement();
			return (attempt < failures.size()) ? CompletableFuture.failedFuture(failures.get(attempt).exception.get())
					: CompletableFuture.completedFuture("ok");
		}).handle((result, failure) -> result).join();
		return attempts.get();
	}

	private static PreparedInvocation invocation(int maxAttempts) {
		ResolvedFunction base = ResolvedFunction.of("pricing", FunctionOptions.NONE);
		RetrySettings retry = new RetrySettings(true, maxAttempts, Duration.ofMillis(1), 1.0, Duration.ofMillis(1),
				false, false, false);
		ResolvedFunction function = new ResolvedFunction(base.key(), base.reference(), null,
				InvocationType.REQUEST_RESPONSE, base.logType(), base.clientContext(), null, null, retry,
				BulkheadSettings.UNLIMITED);
		return new PreparedInvocation(function, null, InvocationType.REQUEST_RESPONSE, 2,
				InvokeRequest.builder().functionName("pricing").build());
	}

	enum Failure {

		RESET_AFTER_SENDING(true, () -> new LambdaClientException("reset", "pricing", null, true, null)),

		ATTEMPT_TIMEOUT(true, () -> new LambdaTimeoutException("timeout", "pricing", null, null)),

		GATEWAY_TIMEOUT(true, () -> service(504, "GatewayTimeout")),

		CONNECT_FAILED(false, () -> new LambdaClientException("refused", "pricing", null, false, null)),

		THROTTLED(false,
				() -> new LambdaThrottlingException("throttled", "pricing", null, "TooManyRequestsException", null,
						null, null, null)),

		SERVICE_ERROR(false, () -> service(500, "ServiceException")),

		TEMPORARY_502(false, () -> service(502, "EC2ThrottledException")),

		PERMANENT_502(false, () -> service(502, "KMSDisabledException")),

		NOT_FOUND(false, () -> service(404, "ResourceNotFoundException"));

		private final boolean mayHaveRun;

		private final Supplier<LambdaInvocationException> exception;

		Failure(boolean mayHaveRun, Supplier<LambdaInvocationException> exception) {
			this.mayHaveRun = mayHaveRun;
			this.exception = exception;
		}

		boolean mayHaveRun() {
			return this.mayHaveRun;
		}

		private static LambdaInvocationException service(int status, String code) {
			return new LambdaServiceException(code, "pricing", null, status, code, null, null);
		}

	}

}

package io.github.lambdainvoker.invoke.retry;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.management.ThreadMXBean;

import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import org.springframework.retry.RetryContext;
import org.springframework.retry.support.RetrySynchronizationManager;

import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.budget;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.invocation;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.quick;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.serverError;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The executor with attempts the test scripts: the first attempt runs outside Spring
 * Retry, later ones inside it; the retry budget is paid and refunded the same way sync
 * and async; a call the budget stops fails with its own exception; cancelling an
 * asynchronous call stops its attempts.
 */
class SpringRetryExecutorTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final InvocationRetryListener listener = new InvocationRetryListener() {

		@Override
		public void onRetry(PreparedInvocation invocation, int failedAttempt, String reason,
				LambdaInvocationException failure, Duration wait) {
			SpringRetryExecutorTests.this.events.add("retry " + failedAttempt);
		}

		@Override
		public void onRetryRefused(PreparedInvocation invocation, int failedAttempt, String reason,
				LambdaInvocationException failure) {
			SpringRetryExecutorTests.this.events.add("refused " + failedAttempt);
		}

	};

	private final SpringRetryExecutor executor = new SpringRetryExecutor(List.of(this.listener));

	@Test
	void firstAttemptRunsOutsideSpringRetryAndLaterAttemptsInsideIt() {
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.DEFAULTS));
		List<String> contexts = new ArrayList<>();
		AtomicInteger attempts = new AtomicInteger();
		String result = this.executor.execute(invocation, (request) -> {
			RetryContext context = RetrySynchronizationManager.getContext();
			contexts.add((context != null) ? "retry count " + context.getRetryCount() : "none");
			if (attempts.incrementAndGet() < 3) {
				throw serverError();
			}
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(contexts).containsExactly("none", "retry count 1", "retry count 2");
		assertThat(this.events).containsExactly("retry 1", "retry 2");
	}

	@Test
	void successfulFirstAttemptNeverEntersSpringRetry() {
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.DEFAULTS));
		String result = this.executor.execute(invocation, (request) -> {
			assertThat(RetrySynchronizationManager.getContext()).isNull();
			return "ok";
		});
		assertThat(result).isEqualTo("ok");
		assertThat(this.events).isEmpty();
	}

	@Test
	void successfulFirstAttemptAllocatesNothing() {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.DEFAULTS));
		Function<InvokeRequest, String> attempt = (request) -> "ok";
		for (int i = 0; i < 20_000; i++) {
			this.executor.execute(invocation, attempt);
		}
		long threadId = Thread.currentThread().getId();
		long before = threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < 10_000; i++) {
			this.executor.execute(invocation, attempt);
		}
		long allocated = threads.getThreadAllocatedBytes(threadId) - before;
		// A few bytes of slack for the measurement itself; one object per call would be
		// 160,000 bytes or more.
		assertThat(allocated).as("bytes allocated by 10,000 calls").isLessThan(1024);
	}

	@Test
	void firstFailureThatIsNotRetriedIsThrownAsItIs() {
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.DEFAULTS));
		IllegalStateException bug = new IllegalStateException("bug");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.executor.execute(invocation, (request) -> {
				throw bug;
			}))
			.isSameAs(bug);
		LambdaInvocationException notRetried = RetryTestInvocations.timedOut();
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> this.executor.execute(invocation, (request) -> {
				throw notRetried;
			}))
			.isSameAs(notRetried);
		assertThat(this.events).isEmpty();
	}

	@Test
	void callStoppedByTheBudgetFailsWithItsOwnExceptionSync() {
		PreparedInvocation invocation = invocation("pricing", quick(3, budget(5, 5, 10, 1)));
		Script script = new Script(List.of(serverError(), serverError(), serverError()));
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> this.executor.execute(invocation, script::sync))
			.isSameAs(script.failures.get(1));
		assertThat(script.attempts.get()).isEqualTo(2);
		Script next = new Script(List.of(serverError()));
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> this.executor.execute(invocation, next::sync))
			.isSameAs(next.failures.get(0));
		assertThat(next.attempts.get()).isEqualTo(1);
		assertThat(this.events).containsExactly("retry 1", "refused 2", "refused 1");
		assertThat(this.executor.availableRetryTokens("pricing")).isZero();
	}

	@Test
	void callStoppedByTheBudgetFailsWithItsOwnExceptionAsync() {
		PreparedInvocation invocation = invocation("pricing", quick(3, budget(5, 5, 10, 1)));
		Script script = new Script(List.of(serverError(), serverError(), serverError()));
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.executor.executeAsync(invocation, script::async).join())
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(script.failures.get(1)));
		assertThat(script.attempts.get()).isEqualTo(2);
		Script next = new Script(List.of(serverError()));
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.executor.executeAsync(invocation, next::async).join())
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(next.failures.get(0)));
		assertThat(next.attempts.get()).isEqualTo(1);
		assertThat(this.events).containsExactly("retry 1", "refused 2", "refused 1");
		assertThat(this.executor.availableRetryTokens("pricing")).isZero();
	}

	@Test
	void firstAttemptSuccessRefundsTheSuccessRefundSyncAndAsync() {
		PreparedInvocation invocation = invocation("pricing", quick(2, budget(10, 5, 10, 2)));
		assertThatExceptionOfType(LambdaInvocationException.class).isThrownBy(
				() -> this.executor.execute(invocation, new Script(List.of(serverError(), serverError()))::sync));
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(5);
		this.executor.execute(invocation, new Script(List.of())::sync);
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(7);
		this.executor.executeAsync(invocation, new Script(List.of())::async).join();
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(9);
		this.executor.execute(invocation, new Script(List.of())::sync);
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(10);
	}

	@Test
	void successAfterARetryRefundsWhatTheRetryCostSyncAndAsync() {
		PreparedInvocation invocation = invocation("pricing", quick(3, budget(20, 5, 10, 1)));
		this.executor.execute(invocation, new Script(List.of(serverError(), serverError()))::sync);
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(15);
		this.executor.executeAsync(invocation, new Script(List.of(serverError(), serverError()))::async).join();
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(10);
		assertThat(this.events).containsExactly("retry 1", "retry 2", "retry 1", "retry 2");
	}

	@Test
	void functionWithoutBudgetRetriesEveryCall() {
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.UNLIMITED));
		for (int i = 0; i < 50; i++) {
			Script script = new Script(List.of(serverError(), serverError(), serverError()));
			assertThatExceptionOfType(LambdaInvocationException.class)
				.isThrownBy(() -> this.executor.execute(invocation, script::sync));
			assertThat(script.attempts.get()).isEqualTo(3);
		}
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(-1);
	}

	@Test
	void functionThatDoesNotRetryMakesOneAttemptAndTouchesNoBudget() {
		RetrySettings retry = new RetrySettings(false, 3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, false,
				false);
		PreparedInvocation invocation = invocation("pricing", retry);
		Script script = new Script(List.of(serverError()));
		assertThatExceptionOfType(LambdaInvocationException.class)
			.isThrownBy(() -> this.executor.execute(invocation, script::sync));
		this.executor.execute(invocation, new Script(List.of())::sync);
		assertThat(script.attempts.get()).isEqualTo(1);
		assertThat(this.executor.availableRetryTokens("pricing")).isEqualTo(-1);
	}

	@Test
	void cancellingAnAsyncCallCancelsTheAttemptInFlightAndStopsFurtherAttempts() {
		PreparedInvocation invocation = invocation("pricing", quick(3, RetryBudgetSettings.DEFAULTS));
		List<CompletableFuture<String>> sent = new CopyOnWriteArrayList<>();
		CompletableFuture<String> call = this.executor.executeAsync(invocation, (request) -> {
			CompletableFuture<String> attempt = new CompletableFuture<>();
			sent.add(attempt);
			return attempt;
		});
		assertThat(call.cancel(false)).isTrue();
		assertThat(sent).singleElement().satisfies((attempt) -> assertThat(attempt.isCancelled()).isTrue());
		assertThat(this.events).isEmpty();
	}

	@Test
	void cancellingAnAsyncCallDuringTheWaitStopsFurtherAttempts() {
		RetrySettings retry = settings(10, Duration.ofMillis(300), 1.0, Duration.ofSeconds(1), false, false,
				RetryBudgetSettings.DEFAULTS);
		PreparedInvocation invocation = invocation("pricing", retry);
		AtomicInteger attempts = new AtomicInteger();
		CompletableFuture<String> call = this.executor.executeAsync(invocation, (request) -> {
			attempts.incrementAndGet();
			return CompletableFuture.failedFuture(serverError());
		});
		assertThat(this.events).contains("retry 1");
		assertThat(call.cancel(false)).isTrue();
		int attemptsWhenCancelled = attempts.get();
		assertThat(attemptsWhenCancelled).isLessThan(10);
		await().during(Duration.ofMillis(700))
			.atMost(Duration.ofSeconds(2))
			.until(() -> attempts.get() == attemptsWhenCancelled);
	}

	@Test
	void asyncAttemptsAfterTheFirstRunAfterTheWait() {
		RetrySettings retry = settings(3, Duration.ofMillis(200), 1.0, Duration.ofSeconds(1), false, false,
				RetryBudgetSettings.DEFAULTS);
		PreparedInvocation invocation = invocation("pricing", retry);
		Script script = new Script(List.of(serverError()));
		long start = System.nanoTime();
		assertThat(this.executor.executeAsync(invocation, script::async).join()).isEqualTo("ok");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		assertThat(script.attempts.get()).isEqualTo(2);
	}

	/**
	 * Fails the first attempts with the given failures, then succeeds.
	 */
	private static final class Script {

		private final List<LambdaInvocationException> failures;

		private final AtomicInteger attempts = new AtomicInteger();

		Script(List<LambdaInvocationException> failures) {
			this.failures = failures;
		}

		String sync(InvokeRequest request) {
			int attempt = this.attempts.getAndIncrement();
			if (attempt < this.failures.size()) {
				throw this.failures.get(attempt);
			}
			return "ok";
		}

		CompletableFuture<String> async(InvokeRequest request) {
			int attempt = this.attempts.getAndIncrement();
			return (attempt < this.failures.size()) ? CompletableFuture.failedFuture(this.failures.get(attempt))
					: CompletableFuture.completedFuture("ok");
		}

	}

}

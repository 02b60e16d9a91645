package io.github.lambdainvoker.invoke.retry;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * One asynchronous call with retries, and the future of its result: each attempt's
 * failure is planned by the {@link RetryPlanner}, and the next attempt starts after a
 * non-blocking wait. Cancelling this future cancels the attempt in flight and prevents
 * any further attempt.
 *
 * @param <R> the result type
 */
final class AsyncRetryCall<R> extends CompletableFuture<R> implements BiConsumer<R, Throwable> {

	private final RetryPlanner planner;

	private final RetryBudgets budgets;

	private final PreparedInvocation invocation;

	private final Function<InvokeRequest, CompletableFuture<R>> attempt;

	// Attempts run one after the other, each started after the previous one completed,
	// so these fields are never written concurrently.
	private @Nullable InvocationDeadline deadline;

	private int number;

	private @Nullable RetryDecision lastRetry;

	private volatile @Nullable CompletableFuture<R> inFlight;

	AsyncRetryCall(RetryPlanner planner, RetryBudgets budgets, PreparedInvocation invocation,
			Function<InvokeRequest, CompletableFuture<R>> attempt, @Nullable InvocationDeadline deadline) {
		this.planner = planner;
		this.budgets = budgets;
		this.invocation = invocation;
		this.attempt = attempt;
		this.deadline = deadline;
	}

	/**
	 * Make the first attempt.
	 * @return this call's future
	 */
	CompletableFuture<R> start() {
		this.number = 1;
		CompletableFuture<R> first;
		try {
			first = this.attempt
				.apply((this.deadline != null) ? this.deadline.requestForAttempt(1) : this.invocation.sdkRequest());
		}
		catch (LambdaInvocationException ex) {
			first = CompletableFuture.failedFuture(ex);
		}
		follow(first);
		return this;
	}

	@Override
	public void accept(@Nullable R result, @Nullable Throwable failure) {
		if (isDone()) {
			return;
		}
		try {
			if (failure == null) {
				this.budgets.recordSuccess(this.invocation, this.lastRetry);
				complete(result);
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			if (!(cause instanceof LambdaInvocationException lambdaFailure)) {
				fail(cause);
				return;
			}
			InvocationDeadline callDeadline = this.deadline;
			if (callDeadline == null) {
				// Without timeouts the deadline never expires, so it can start late.
				callDeadline = InvocationDeadline.start(this.invocation);
				this.deadline = callDeadline;
			}
			RetryDecision decision = this.planner.plan(this.invocation, this.number, lambdaFailure, callDeadline);
			if (decision == null) {
				fail(lambdaFailure);
				return;
			}
			this.lastRetry = decision;
			InvocationDeadline nextDeadline = callDeadline;
			CompletableFuture.delayedExecutor(decision.delay().toMillis(), TimeUnit.MILLISECONDS)
				.execute(() -> nextAttempt(nextDeadline));
		}
		catch (Throwable ex) {
			fail(ex);
		}
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		CompletableFuture<R> current = this.inFlight;
		if (current != null) {
			current.cancel(mayInterruptIfRunning);
		}
		return cancelled;
	}

	private void nextAttempt(InvocationDeadline callDeadline) {
		if (isDone()) {
			return;
		}
		this.number++;
		CompletableFuture<R> next;
		try {
			next = this.attempt.apply(callDeadline.requestForAttempt(this.number));
		}
		catch (LambdaInvocationException ex) {
			next = CompletableFuture.failedFuture(ex);
		}
		catch (Throwable ex) {
			fail(ex);
			return;
		}
		follow(next);
	}

	// As the dependents of a CompletableFuture do, so callers see the same failures
	// whether the call retried or not.
	private void fail(Throwable failure) {
		completeExceptionally((failure instanceof CompletionException) ? failure : new CompletionException(failure));
	}

	private void follow(CompletableFuture<R> current) {
		this.inFlight = current;
		if (isCancelled()) {
			current.cancel(false);
		}
		current.whenComplete(this);
	}

}

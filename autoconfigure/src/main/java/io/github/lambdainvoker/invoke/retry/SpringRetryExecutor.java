package io.github.lambdainvoker.invoke.retry;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryExecutor;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.backoff.BackOffContext;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.BackOffPolicy;
import org.springframework.retry.context.RetryContextSupport;
import org.springframework.retry.support.RetryTemplate;

/**
 * {@link RetryExecutor} on Spring Retry, within a retry budget per function. The first
 * attempt of a call runs directly; only after it failed with a retryable failure does the
 * call enter a {@link RetryTemplate} (one per set of retry settings), whose policy and
 * back-off ask a {@link RetryPlanner}. Asynchronous calls follow the same plan with
 * non-blocking waits, and stop retrying when their future is cancelled. Calls whose
 * function does not retry make their single attempt and nothing else.
 */
public final class SpringRetryExecutor implements RetryExecutor {

	private static final String INVOCATION = "lambda.invocation";

	private static final String DEADLINE = "lambda.deadline";

	private static final String DECISION = "lambda.decision";

	private static final String DECISION_FOR_ATTEMPT = "lambda.decision.attempt";

	private final RetryPlanner planner;

	private final RetryBudgets budgets;

	private final ConcurrentMap<RetrySettings, RetryTemplate> templates = new ConcurrentHashMap<>();

	/**
	 * Create an executor with retry budgets of its own.
	 * @param listeners told of each retry, each refused retry and each budget created
	 */
	public SpringRetryExecutor(List<InvocationRetryListener> listeners) {
		List<InvocationRetryListener> copy = List.copyOf(listeners);
		this.budgets = new RetryBudgets(copy);
		this.planner = new RetryPlanner(new RetryClassifier(), copy, this.budgets, RetryPlanner.RANDOM);
	}

	@Override
	public <R> R execute(PreparedInvocation invocation, Function<InvokeRequest, R> attempt) {
		if (!invocation.function().retry().retries()) {
			return SINGLE_ATTEMPT.execute(invocation, attempt);
		}
		InvocationDeadline deadline = timed(invocation.function()) ? InvocationDeadline.start(invocation) : null;
		R result;
		try {
			result = attempt.apply((deadline != null) ? deadline.requestForAttempt(1) : invocation.sdkRequest());
		}
		catch (LambdaInvocationException ex) {
			// Without timeouts the deadline never expires, so it can start late.
			return retry(invocation, attempt, (deadline != null) ? deadline : InvocationDeadline.start(invocation), ex);
		}
		this.budgets.recordSuccess(invocation, null);
		return result;
	}

	@Override
	public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
			Function<InvokeRequest, CompletableFuture<R>> attempt) {
		if (!invocation.function().retry().retries()) {
			return SINGLE_ATTEMPT.executeAsync(invocation, attempt);
		}
		InvocationDeadline deadline = timed(invocation.function()) ? InvocationDeadline.start(invocation) : null;
		return new AsyncRetryCall<>(this.planner, this.budgets, invocation, attempt, deadline).start();
	}

	/**
	 * Return the tokens left in a function's retry budget.
	 * @param functionKey the function key
	 * @return the tokens left, or {@code -1} when the function has no budget or was not
	 * called yet
	 */
	int availableRetryTokens(String functionKey) {
		TokenBucket bucket = this.budgets.existing(functionKey);
		return (bucket != null) ? bucket.availableTokens() : -1;
	}

	private static boolean timed(ResolvedFunction function) {
		return function.timeout() != null || function.attemptTimeout() != null;
	}

	private <R> R retry(PreparedInvocation invocation, Function<InvokeRequest, R> attempt, InvocationDeadline deadline,
			LambdaInvocationException firstFailure) {
		RetryDecision firstRetry = this.planner.plan(invocation, 1, firstFailure, deadline);
		if (firstRetry == null) {
			throw firstFailure;
		}
		RetryTemplate template = this.templates.computeIfAbsent(invocation.function().retry(),
				(key) -> createTemplate());
		RetryCallback<R, RuntimeException> callback = (context) -> {
			if (context.getRetryCount() == 0) {
				// The template takes over from the failed first attempt: hand it that
				// failure with its retry already planned, so that it backs off and makes
				// attempt 2.
				context.setAttribute(INVOCATION, invocation);
				context.setAttribute(DEADLINE, deadline);
				context.setAttribute(DECISION_FOR_ATTEMPT, 1);
				context.setAttribute(DECISION, firstRetry);
				throw firstFailure;
			}
			R result = attempt.apply(deadline.requestForAttempt(context.getRetryCount() + 1));
			this.budgets.recordSuccess(invocation, (RetryDecision) context.getAttribute(DECISION));
			return result;
		};
		return template.execute(callback);
	}

	private RetryTemplate createTemplate() {
		RetryTemplate template = new RetryTemplate();
		template.setRetryPolicy(new PlannedRetryPolicy());
		template.setBackOffPolicy(new PlannedBackOffPolicy());
		return template;
	}

	private @Nullable RetryDecision decide(RetryContext context) {
		Throwable last = context.getLastThrowable();
		if (!(last instanceof LambdaInvocationException failure)) {
			return null;
		}
		// Spring Retry asks twice per failure (before the back-off and at the top of its
		// loop): plan once so listeners hear of each retry once, the budget pays once
		// and the wait stays the same.
		if (Integer.valueOf(context.getRetryCount()).equals(context.getAttribute(DECISION_FOR_ATTEMPT))) {
			return (RetryDecision) context.getAttribute(DECISION);
		}
		RetryDecision decision = this.planner.plan(
				(PreparedInvocation) Objects.requireNonNull(context.getAttribute(INVOCATION)), context.getRetryCount(),
				failure, (InvocationDeadline) Objects.requireNonNull(context.getAttribute(DEADLINE)));
		context.setAttribute(DECISION_FOR_ATTEMPT, context.getRetryCount());
		context.setAttribute(DECISION, decision);
		return decision;
	}

	private final class PlannedRetryPolicy implements RetryPolicy {

		@Override
		public boolean canRetry(RetryContext context) {
			return context.getLastThrowable() == null || decide(context) != null;
		}

		@Override
		public RetryContext open(@Nullable RetryContext parent) {
			return new RetryContextSupport(parent);
		}

		@Override
		public void close(RetryContext context) {
		}

		@Override
		public void registerThrowable(RetryContext context, @Nullable Throwable throwable) {
			((RetryContextSupport) context).registerThrowable(throwable);
		}

	}

	private static final class PlannedBackOffPolicy implements BackOffPolicy {

		@Override
		public BackOffContext start(@Nullable RetryContext context) {
			return new PlannedBackOffContext(context);
		}

		@Override
		public void backOff(BackOffContext backOffContext) {
			RetryContext context = ((PlannedBackOffContext) backOffContext).retryContext();
			RetryDecision decision = (context != null) ? (RetryDecision) context.getAttribute(DECISION) : null;
			if (decision == null || decision.delay().isZero()) {
				return;
			}
			try {
				Thread.sleep(decision.delay().toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BackOffInterruptedException("Interrupted while waiting to retry a Lambda call", ex);
			}
		}

	}

	private record PlannedBackOffContext(@Nullable RetryContext retryContext) implements BackOffContext {

	}

}

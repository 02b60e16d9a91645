package io.github.lambdainvoker.invoke.retry;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
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
 * {@link RetryExecutor} on Spring Retry: one {@link RetryTemplate} per set of retry
 * settings, whose policy and back-off ask a {@link RetryPlanner}. Asynchronous calls
 * follow the same plan with non-blocking waits. Calls whose function does not retry skip
 * the template entirely.
 */
public final class SpringRetryExecutor implements RetryExecutor {

	private static final String INVOCATION = "lambda.invocation";

	private static final String DEADLINE = "lambda.deadline";

	private static final String DECISION = "lambda.decision";

	private static final String DECISION_FOR_ATTEMPT = "lambda.decision.attempt";

	private final RetryPlanner planner;

	private final ConcurrentMap<RetrySettings, RetryTemplate> templates = new ConcurrentHashMap<>();

	public SpringRetryExecutor(List<InvocationRetryListener> listeners) {
		this.planner = new RetryPlanner(new RetryClassifier(), List.copyOf(listeners));
	}

	@Override
	public <R> R execute(PreparedInvocation invocation, Function<InvokeRequest, R> attempt) {
		RetrySettings settings = invocation.function().retry();
		if (!settings.retries()) {
			return SINGLE_ATTEMPT.execute(invocation, attempt);
		}
		InvocationDeadline deadline = InvocationDeadline.start(invocation);
		RetryTemplate template = this.templates.computeIfAbsent(settings, (key) -> createTemplate());
		RetryCallback<R, RuntimeException> callback = (context) -> {
			context.setAttribute(INVOCATION, invocation);
			context.setAttribute(DEADLINE, deadline);
			return attempt.apply(deadline.requestForAttempt(context.getRetryCount() + 1));
		};
		return template.execute(callback);
	}

	@Override
	public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
			Function<InvokeRequest, CompletableFuture<R>> attempt) {
		if (!invocation.function().retry().retries()) {
			return SINGLE_ATTEMPT.executeAsync(invocation, attempt);
		}
		return attemptAsync(invocation, attempt, InvocationDeadline.start(invocation), 1);
	}

	private <R> CompletableFuture<R> attemptAsync(PreparedInvocation invocation,
			Function<InvokeRequest, CompletableFuture<R>> attempt, InvocationDeadline deadline, int number) {
		CompletableFuture<R> result;
		try {
			result = attempt.apply(deadline.requestForAttempt(number));
		}
		catch (LambdaInvocationException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		return result.exceptionallyCompose((ex) -> {
			Throwable cause = (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
			if (!(cause instanceof LambdaInvocationException failure)) {
				return CompletableFuture.failedFuture(cause);
			}
			RetryDecision decision = this.planner.plan(invocation, number, failure, deadline);
			if (decision == null) {
				return CompletableFuture.failedFuture(failure);
			}
			Executor afterWait = CompletableFuture.delayedExecutor(decision.delay().toMillis(), TimeUnit.MILLISECONDS);
			return CompletableFuture.runAsync(() -> {
			}, afterWait).thenCompose((ignored) -> attemptAsync(invocation, attempt, deadline, number + 1));
		});
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
		// loop): plan once so listeners hear of each retry once and the wait stays the
		// same.
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

package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongBinaryOperator;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Plans the next attempt after a failure: whether there is one, after how long a wait
 * (exponential, capped, optionally jittered, never shorter than Lambda's
 * {@code Retry-After}), whether it still fits in the call's time budget and whether the
 * function's retry budget pays for it. Tells the listeners about each retry, and about
 * each retry the budget refused.
 */
final class RetryPlanner {

	/** Picks a wait between two bounds, both included, at random. */
	static final LongBinaryOperator RANDOM = (min, max) -> ThreadLocalRandom.current().nextLong(min, max + 1);

	private static final Log logger = LogFactory.getLog(RetryPlanner.class);

	private final RetryClassifier classifier;

	private final List<InvocationRetryListener> listeners;

	private final RetryBudgets budgets;

	private final LongBinaryOperator jitter;

	/**
	 * Create a planner.
	 * @param classifier decides which failures are retried
	 * @param listeners told of each retry
	 * @param budgets the retry budgets of the functions
	 * @param jitter picks a jittered wait between two bounds, both included
	 */
	RetryPlanner(RetryClassifier classifier, List<InvocationRetryListener> listeners, RetryBudgets budgets,
			LongBinaryOperator jitter) {
		this.classifier = classifier;
		this.listeners = listeners;
		this.budgets = budgets;
		this.jitter = jitter;
	}

	/**
	 * Plan the attempt after a failed one. A retry is paid from the function's retry
	 * budget only once every other check has allowed it.
	 * @param invocation the invocation
	 * @param failedAttempt the number of the attempt that failed, starting at 1
	 * @param failure its failure
	 * @param deadline the call's time budget
	 * @return the decision to retry, or {@code null} to give up
	 */
	@Nullable RetryDecision plan(PreparedInvocation invocation, int failedAttempt, LambdaInvocationException failure,
			InvocationDeadline deadline) {
		RetrySettings settings = invocation.function().retry();
		if (failedAttempt >= settings.maxAttempts()) {
			return null;
		}
		String reason = this.classifier.retryReason(failure, settings);
		if (reason == null) {
			return null;
		}
		Duration wait = backOff(settings, failedAttempt);
		if (failure instanceof LambdaThrottlingException throttled && throttled.getRetryAfter() != null) {
			Duration retryAfter = throttled.getRetryAfter();
			if (retryAfter.compareTo(settings.maxInterval()) > 0) {
				logGivingUp(invocation, failedAttempt, "Retry-After " + retryAfter + " exceeds max-interval");
				return null;
			}
			wait = (retryAfter.compareTo(wait) > 0) ? retryAfter : wait;
		}
		if (!deadline.allows(wait)) {
			logGivingUp(invocation, failedAttempt, "the timeout leaves no time for another attempt");
			return null;
		}
		int cost = pay(invocation, reason);
		if (cost < 0) {
			logGivingUp(invocation, failedAttempt, "its retry budget is spent (" + reason + ")");
			for (InvocationRetryListener listener : this.listeners) {
				listener.onRetryRefused(invocation, failedAttempt, reason, failure);
			}
			return null;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying function '" + invocation.functionKey() + "' after attempt " + failedAttempt
					+ " failed (" + reason + ": " + failure.getClass().getSimpleName() + "), waiting " + wait.toMillis()
					+ " ms");
		}
		for (InvocationRetryListener listener : this.listeners) {
			listener.onRetry(invocation, failedAttempt, reason, failure, wait);
		}
		return new RetryDecision(reason, wait, cost);
	}

	/**
	 * Return the wait before the attempt after the given one: the initial interval times
	 * the multiplier to the power of the retries before it, capped at the max interval;
	 * with jitter, a random wait between half and all of that.
	 * @param settings the retry settings
	 * @param failedAttempt the number of the attempt that failed, starting at 1
	 * @return the wait
	 */
	Duration backOff(RetrySettings settings, int failedAttempt) {
		double millis = settings.initialInterval().toMillis() * Math.pow(settings.multiplier(), failedAttempt - 1);
		long capped = (long) Math.min(millis, settings.maxInterval().toMillis());
		if (settings.jitter() && capped > 1) {
			capped = this.jitter.applyAsLong(capped / 2, capped);
		}
		return Duration.ofMillis(capped);
	}

	/**
	 * Take the cost of a retry from the function's budget.
	 * @return the tokens taken, or -1 when the budget cannot pay
	 */
	private int pay(PreparedInvocation invocation, String reason) {
		TokenBucket bucket = this.budgets.bucket(invocation);
		if (bucket == null) {
			return 0;
		}
		RetryBudgetSettings budget = invocation.function().retry().budget();
		int cost = RetryClassifier.UNKNOWN_OUTCOME.equals(reason) ? budget.unknownOutcomeCost() : budget.retryCost();
		return bucket.tryAcquire(cost) ? cost : -1;
	}

	private static void logGivingUp(PreparedInvocation invocation, int failedAttempt, String why) {
		if (logger.isDebugEnabled()) {
			logger.debug("Not retrying function '" + invocation.functionKey() + "' after attempt " + failedAttempt
					+ ": " + why);
		}
	}

}

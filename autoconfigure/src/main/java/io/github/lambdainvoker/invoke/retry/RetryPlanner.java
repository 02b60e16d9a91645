package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.lambdainvoker.invoke.InvocationDeadline;
import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Plans the next attempt after a failure: whether there is one, after how long a wait
 * (exponential, capped, optionally jittered, never shorter than Lambda's
 * {@code Retry-After}) and whether it still fits in the call's time budget. Tells the
 * listeners about each retry.
 */
final class RetryPlanner {

	private static final Log logger = LogFactory.getLog(RetryPlanner.class);

	private final RetryClassifier classifier;

	private final List<InvocationRetryListener> listeners;

	RetryPlanner(RetryClassifier classifier, List<InvocationRetryListener> listeners) {
		this.classifier = classifier;
		this.listeners = listeners;
	}

	/**
	 * Plan the attempt after a failed one.
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
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying function '" + invocation.functionKey() + "' after attempt " + failedAttempt
					+ " failed (" + reason + ": " + failure.getClass().getSimpleName() + "), waiting " + wait.toMillis()
					+ " ms");
		}
		for (InvocationRetryListener listener : this.listeners) {
			listener.onRetry(invocation, failedAttempt, reason, failure, wait);
		}
		return new RetryDecision(reason, wait);
	}

	private static Duration backOff(RetrySettings settings, int failedAttempt) {
		double millis = settings.initialInterval().toMillis() * Math.pow(settings.multiplier(), failedAttempt - 1);
		long capped = (long) Math.min(millis, settings.maxInterval().toMillis());
		if (settings.jitter() && capped > 1) {
			capped = ThreadLocalRandom.current().nextLong(capped / 2, capped + 1);
		}
		return Duration.ofMillis(capped);
	}

	private static void logGivingUp(PreparedInvocation invocation, int failedAttempt, String why) {
		if (logger.isDebugEnabled()) {
			logger.debug("Not retrying function '" + invocation.functionKey() + "' after attempt " + failedAttempt
					+ ": " + why);
		}
	}

}

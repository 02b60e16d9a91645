package io.github.lambdainvoker.invoke.retry;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.lambdainvoker.invoke.InvocationRetryListener;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import org.jspecify.annotations.Nullable;

/**
 * The retry budgets of one executor, one {@link TokenBucket} per function key, created on
 * the key's first call with its {@link RetryBudgetSettings}.
 */
final class RetryBudgets {

	/**
	 * Most keys with a bucket of their own. Function names built at run time could grow
	 * the map without bound: keys beyond this share one bucket.
	 */
	static final int MAX_BUDGETS = 1024;

	private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final List<InvocationRetryListener> listeners;

	private volatile @Nullable TokenBucket shared;

	RetryBudgets(List<InvocationRetryListener> listeners) {
		this.listeners = listeners;
	}

	/**
	 * Return the bucket of an invocation's function.
	 * @param invocation the invocation
	 * @return the bucket, or {@code null} when the function has no budget
	 */
	@Nullable TokenBucket bucket(PreparedInvocation invocation) {
		RetryBudgetSettings settings = invocation.function().retry().budget();
		if (!settings.enabled()) {
			return null;
		}
		TokenBucket bucket = this.buckets.get(invocation.functionKey());
		return (bucket != null) ? bucket : create(invocation.function(), settings);
	}

	/**
	 * Return the bucket of a function key, if it has one yet.
	 * @param functionKey the function key
	 * @return the bucket, or {@code null}
	 */
	@Nullable TokenBucket existing(String functionKey) {
		return this.buckets.get(functionKey);
	}

	/**
	 * Put back the tokens a successful call returns to its function's bucket.
	 * @param invocation the invocation that succeeded
	 * @param lastRetry the decision that led to the successful attempt, or {@code null}
	 * when the first attempt succeeded
	 */
	void recordSuccess(PreparedInvocation invocation, @Nullable RetryDecision lastRetry) {
		TokenBucket bucket = bucket(invocation);
		if (bucket != null) {
			int refund = invocation.function().retry().budget().successRefund();
			bucket.refund((lastRetry != null) ? Math.max(lastRetry.cost(), refund) : refund);
		}
	}

	private TokenBucket create(ResolvedFunction function, RetryBudgetSettings settings) {
		if (this.buckets.size() >= MAX_BUDGETS) {
			return sharedBucket(settings);
		}
		TokenBucket created = new TokenBucket(settings.capacity());
		TokenBucket existing = this.buckets.putIfAbsent(function.key(), created);
		if (existing != null) {
			return existing;
		}
		for (InvocationRetryListener listener : this.listeners) {
			listener.onBudgetCreated(function, created);
		}
		return created;
	}

	private TokenBucket sharedBucket(RetryBudgetSettings settings) {
		TokenBucket bucket = this.shared;
		if (bucket == null) {
			synchronized (this) {
				bucket = this.shared;
				if (bucket == null) {
					bucket = new TokenBucket(settings.capacity());
					this.shared = bucket;
				}
			}
		}
		return bucket;
	}

}

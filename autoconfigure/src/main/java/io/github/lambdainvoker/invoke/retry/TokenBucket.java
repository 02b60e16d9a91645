package io.github.lambdainvoker.invoke.retry;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.lambdainvoker.invoke.RetryBudget;

/**
 * A lock-free bucket of retry tokens, shared by every call of one function. Retries take
 * tokens and fail to when too few are left; successes put some back, up to the capacity.
 */
final class TokenBucket implements RetryBudget {

	private final int capacity;

	private final AtomicInteger tokens;

	TokenBucket(int capacity) {
		this.capacity = capacity;
		this.tokens = new AtomicInteger(capacity);
	}

	/**
	 * Take tokens if enough are left.
	 * @param cost the tokens to take
	 * @return whether they were taken
	 */
	boolean tryAcquire(int cost) {
		if (cost <= 0) {
			return true;
		}
		int current;
		do {
			current = this.tokens.get();
			if (current < cost) {
				return false;
			}
		}
		while (!this.tokens.compareAndSet(current, current - cost));
		return true;
	}

	/**
	 * Put tokens back, up to the capacity.
	 * @param amount the tokens to put back
	 */
	void refund(int amount) {
		int current;
		do {
			current = this.tokens.get();
			// The common case, a success while nothing fails: read only, so that calls on
			// many threads do not contend for the same cache line.
			if (current >= this.capacity || amount <= 0) {
				return;
			}
		}
		while (!this.tokens.compareAndSet(current, Math.min(this.capacity, current + amount)));
	}

	@Override
	public int availableTokens() {
		return this.tokens.get();
	}

	@Override
	public int capacity() {
		return this.capacity;
	}

	@Override
	public String toString() {
		return "TokenBucket[" + availableTokens() + "/" + this.capacity + "]";
	}

}

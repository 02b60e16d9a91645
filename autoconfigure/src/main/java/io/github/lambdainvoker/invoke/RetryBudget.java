package io.github.lambdainvoker.invoke;

/**
 * The retry budget of one function as it stands: the tokens left for retries. Given to
 * {@link InvocationRetryListener#onBudgetCreated} for metrics.
 *
 * @see RetryBudgetSettings
 */
public interface RetryBudget {

	/**
	 * Return the tokens left for retries.
	 * @return the tokens left, between 0 and the capacity
	 */
	int availableTokens();

	/**
	 * Return the tokens of a full bucket.
	 * @return the capacity
	 */
	int capacity();

}

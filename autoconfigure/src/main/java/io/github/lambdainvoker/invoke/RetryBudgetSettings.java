package io.github.lambdainvoker.invoke;

/**
 * How many retries the calls of one function may make between them: a token bucket that
 * each retry draws from and each success refills. While a function keeps failing, its
 * bucket empties and its calls stop retrying, so that a failing dependency receives
 * little more than the calls themselves. The first attempt of a call never needs a token.
 *
 * @param enabled whether retries draw from the budget; without one, every call may make
 * all its attempts
 * @param capacity the tokens of a full bucket, which is how the bucket starts
 * @param retryCost the tokens a retry costs
 * @param unknownOutcomeCost the tokens a retry after a failure whose outcome is unknown
 * (a timeout, a connection lost after sending) costs
 * @param successRefund the tokens a call that succeeds at its first attempt returns; a
 * call that succeeds after retrying returns what its last retry cost, at least as many
 */
public record RetryBudgetSettings(boolean enabled, int capacity, int retryCost, int unknownOutcomeCost,
		int successRefund) {

	/**
	 * Built-in defaults, those of the AWS SDK's standard retry strategy: 500 tokens, 5 a
	 * retry, 10 a retry after an unknown outcome, 1 back per success.
	 */
	public static final RetryBudgetSettings DEFAULTS = new RetryBudgetSettings(true, 500, 5, 10, 1);

	/** No budget: retries are limited by the attempts of each call only. */
	public static final RetryBudgetSettings UNLIMITED = new RetryBudgetSettings(false, 500, 5, 10, 1);

}

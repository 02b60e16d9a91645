package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;

/**
 * The decision to retry a failed attempt: why, after how long a wait, and how many tokens
 * of the function's retry budget it took.
 *
 * @param reason why the failure is retried
 * @param delay how long to wait before the next attempt
 * @param cost the tokens taken from the retry budget, 0 without a budget
 */
record RetryDecision(String reason, Duration delay, int cost) {

}

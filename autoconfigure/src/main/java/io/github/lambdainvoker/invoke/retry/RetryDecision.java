package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;

/**
 * The decision to retry a failed attempt: why, and after how long a wait.
 *
 * @param reason why the failure is retried
 * @param delay how long to wait before the next attempt
 */
record RetryDecision(String reason, Duration delay) {

}

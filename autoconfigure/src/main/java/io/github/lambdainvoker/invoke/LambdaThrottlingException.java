package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Lambda throttled the call (HTTP 429, {@code TooManyRequestsException}): a concurrency
 * or rate limit of the account or of the function was reached.
 */
public class LambdaThrottlingException extends LambdaServiceException {

	private final @Nullable String reason;

	private final @Nullable Duration retryAfter;

	public LambdaThrottlingException(String message, String functionName, @Nullable String qualifier, String errorCode,
			@Nullable String requestId, @Nullable String reason, @Nullable Duration retryAfter,
			@Nullable Throwable cause) {
		super(message, functionName, qualifier, 429, errorCode, requestId, cause);
		this.reason = reason;
		this.retryAfter = retryAfter;
	}

	/**
	 * Return the throttle reason, such as
	 * {@code ReservedFunctionConcurrentInvocationLimitExceeded}.
	 * @return the reason, or {@code null} when Lambda gave none
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

	/**
	 * Return how long Lambda asked the caller to wait ({@code Retry-After}).
	 * @return the wait, or {@code null} when Lambda gave none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}

package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of one function after every configuration layer has been applied: what a
 * call uses unless the call itself says otherwise. Immutable; resolved once per function
 * key and reused.
 *
 * @param key the key the function is known by in code and in metrics
 * @param reference the function name sent to Lambda, checked and split into its parts
 * @param qualifier the version or alias to invoke, or {@code null}
 * @param invocationType the invocation type
 * @param logType the log type
 * @param clientContext the client context sent with every call, possibly empty
 * @param timeout the longest a whole call may take, all attempts included, or
 * {@code null} for no limit
 * @param attemptTimeout the longest one attempt may take, or {@code null} for no limit
 * @param retry how failed calls are retried
 * @param bulkhead how many calls may be in flight at once
 * @param route the clients of the function's region, endpoint and credentials, or
 * {@code null} for the invoker's own clients
 */
public record ResolvedFunction(String key, FunctionReference reference, @Nullable String qualifier,
		InvocationType invocationType, LogType logType, ClientContext clientContext, @Nullable Duration timeout,
		@Nullable Duration attemptTimeout, RetrySettings retry, BulkheadSettings bulkhead,
		@Nullable LambdaRoute route) {

	/**
	 * Create a resolved function that goes through the invoker's own clients.
	 * @param key the key the function is known by in code and in metrics
	 * @param reference the function name sent to Lambda
	 * @param qualifier the version or alias to invoke, or {@code null}
	 * @param invocationType the invocation type
	 * @param logType the log type
	 * @param clientContext the client context sent with every call, possibly empty
	 * @param timeout the longest a whole call may take, or {@code null} for no limit
	 * @param attemptTimeout the longest one attempt may take, or {@code null} for no
	 * limit
	 * @param retry how failed calls are retried
	 * @param bulkhead how many calls may be in flight at once
	 */
	public ResolvedFunction(String key, FunctionReference reference, @Nullable String qualifier,
			InvocationType invocationType, LogType logType, ClientContext clientContext, @Nullable Duration timeout,
			@Nullable Duration attemptTimeout, RetrySettings retry, BulkheadSettings bulkhead) {
		this(key, reference, qualifier, invocationType, logType, clientContext, timeout, attemptTimeout, retry,
				bulkhead, null);
	}

	/**
	 * Resolve a function from its name and declared options alone, with the built-in
	 * defaults for everything else.
	 * @param function the function name, used as its key too
	 * @param options the declared options
	 * @return the resolved function
	 * @throws LambdaValidationException if the name or qualifier is not valid
	 */
	public static ResolvedFunction of(String function, FunctionOptions options) {
		FunctionReference reference = FunctionReference.parse(function);
		return new ResolvedFunction(function, reference, reference.resolveQualifier(options.qualifier()),
				(options.invocationType() != null) ? options.invocationType() : InvocationType.REQUEST_RESPONSE,
				(options.logType() != null) ? options.logType() : LogType.NONE, ClientContext.EMPTY, null, null,
				RetrySettings.DEFAULTS, BulkheadSettings.UNLIMITED);
	}

	/**
	 * Return the function name sent to Lambda.
	 * @return the function name
	 */
	public String functionName() {
		return this.reference.value();
	}

}

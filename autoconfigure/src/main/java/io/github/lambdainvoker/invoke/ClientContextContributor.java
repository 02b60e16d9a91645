package io.github.lambdainvoker.invoke;

import java.util.Map;

/**
 * Supplies values that every synchronous ({@code RequestResponse}) call adds to the
 * {@code custom} section of its client context, such as the current trace context.
 * <p>
 * The caller's own values win: a contributed key the function or request already sets is
 * not sent, and contributed values are added in order only while the encoded context
 * stays within {@value InvocationLimits#CLIENT_CONTEXT_MAX_BYTES} bytes; the first one
 * that does not fit and every one after it are dropped. {@code Event} and {@code DryRun}
 * calls are not asked, because Lambda passes the client context to synchronous
 * invocations only.
 */
@FunctionalInterface
public interface ClientContextContributor {

	/** Contributes nothing. */
	ClientContextContributor NONE = (function) -> Map.of();

	/**
	 * Return the values to add to the {@code custom} section of a call's client context,
	 * in order of importance. Called on the thread that starts the call, while the call's
	 * observation is current.
	 * @param function the function being called
	 * @return the values, possibly empty
	 */
	Map<String, String> contribute(ResolvedFunction function);

}

package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Told when a call starts and how it ends, for metrics and tracing. One call is observed
 * once, however many attempts it makes. {@link #NONE} observes nothing and allocates
 * nothing.
 */
@FunctionalInterface
public interface InvocationObserver {

	/** Observes nothing. */
	InvocationObserver NONE = (function, request) -> Observed.NONE;

	/**
	 * Start observing a call, before its request is checked and prepared.
	 * @param function the resolved function
	 * @param request the per-call values
	 * @return the observed call, to be told how it ends
	 */
	Observed start(ResolvedFunction function, LambdaRequest request);

	/**
	 * One call being observed. {@link #stop} is called exactly once.
	 */
	interface Observed {

		/** An observed call that records nothing. */
		Observed NONE = (response, failure) -> {
		};

		/**
		 * Called once the request passed validation and is ready to be sent.
		 * @param invocation the prepared invocation
		 */
		default void prepared(PreparedInvocation invocation) {
		}

		/**
		 * Make the observation current on this thread until the returned scope is closed.
		 * @return the scope to close
		 */
		default Scope openScope() {
			return Scope.NONE;
		}

		/**
		 * Called when the call ended, with its response or its failure.
		 * @param response the response, or {@code null} when the call failed
		 * @param failure the failure, or {@code null} when the call returned a response
		 */
		void stop(@Nullable LambdaResponse<?> response, @Nullable Throwable failure);

	}

	/**
	 * The span of code during which an observation is current.
	 */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		/** A scope that does nothing. */
		Scope NONE = () -> {
		};

		@Override
		void close();

	}

}

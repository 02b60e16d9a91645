package io.github.lambdainvoker.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Limits how many calls of each function are in flight at once. A call holds its permit
 * from after validation until it ends, all attempts and waits between them included, and
 * a call that gets no permit fails with a {@link LambdaBulkheadFullException} without
 * touching the network. The invoker may leave out the bulkhead for the calls of a
 * function it does not {@link #limits(ResolvedFunction) limit}.
 */
public interface Bulkhead {

	/** Limits nothing. */
	Bulkhead NONE = new Bulkhead() {

		@Override
		public boolean limits(ResolvedFunction function) {
			return false;
		}

		@Override
		public <R> R execute(PreparedInvocation invocation, Supplier<R> call) {
			return call.get();
		}

		@Override
		public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation,
				Supplier<CompletableFuture<R>> call) {
			return call.get();
		}

	};

	/**
	 * Whether calls of the given function may have to wait for a permit or be refused
	 * one. The invoker may run the calls of a function that this bulkhead does not limit
	 * without it, saving the work of handing each call over. Defaults to {@code true}: a
	 * bulkhead that does not override this method sees every call.
	 * @param function the function
	 * @return {@code false} if this bulkhead lets every call of the function through at
	 * once
	 */
	default boolean limits(ResolvedFunction function) {
		return true;
	}

	/**
	 * Run a blocking call while holding a permit of its function.
	 * @param <R> the result type
	 * @param invocation the invocation
	 * @param call the whole call, retries included
	 * @return the result of the call
	 * @throws LambdaBulkheadFullException if no permit came free in time
	 */
	<R> R execute(PreparedInvocation invocation, Supplier<R> call);

	/**
	 * Start a non-blocking call while holding a permit of its function until the returned
	 * future completes. Cancelling the returned future cancels the call's future and
	 * releases the permit at once. A wait for a permit ({@code max-wait}) happens on the
	 * calling thread.
	 * @param <R> the result type
	 * @param invocation the invocation
	 * @param call the whole call, retries included
	 * @return the call's future, or a future failed with a
	 * {@link LambdaBulkheadFullException} if no permit came free in time
	 */
	<R> CompletableFuture<R> executeAsync(PreparedInvocation invocation, Supplier<CompletableFuture<R>> call);

}

package io.github.lambdainvoker.invoke;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A future that completes as its source does, once an action has run, and that cancels
 * its source when it is cancelled itself: what {@link CompletableFuture#whenComplete} and
 * {@link CompletableFuture#thenApply} give, except that cancelling the future a caller
 * holds reaches the call behind it, so that the call releases what it holds and stops.
 *
 * @param <S> the result type of the source
 * @param <T> the result type
 */
final class CancellationForwardingFuture<S, T> extends CompletableFuture<T> implements BiConsumer<S, Throwable> {

	private static final BiConsumer<Object, Throwable> NO_ACTION = (result, failure) -> {
	};

	private final CompletableFuture<S> source;

	private final BiConsumer<? super @Nullable S, ? super @Nullable Throwable> action;

	private final Function<? super S, ? extends T> mapper;

	private CancellationForwardingFuture(CompletableFuture<S> source,
			BiConsumer<? super @Nullable S, ? super @Nullable Throwable> action,
			Function<? super S, ? extends T> mapper) {
		this.source = source;
		this.action = action;
		this.mapper = mapper;
	}

	/**
	 * Return a future that completes as the source does, after the action has run, and
	 * that cancels the source when cancelled.
	 * @param <T> the result type
	 * @param source the source future
	 * @param action run when the source completes, with its result or failure
	 * @return the future
	 */
	static <T> CompletableFuture<T> whenComplete(CompletableFuture<T> source,
			BiConsumer<? super @Nullable T, ? super @Nullable Throwable> action) {
		CancellationForwardingFuture<T, T> future = new CancellationForwardingFuture<>(source, action,
				Function.identity());
		source.whenComplete(future);
		return future;
	}

	/**
	 * Return a future completed with the source's result mapped by a function, or with
	 * its failure, that cancels the source when cancelled.
	 * @param <S> the result type of the source
	 * @param <T> the result type
	 * @param source the source future
	 * @param mapper maps the source's result
	 * @return the future
	 */
	static <S, T> CompletableFuture<T> thenApply(CompletableFuture<S> source, Function<? super S, ? extends T> mapper) {
		CancellationForwardingFuture<S, T> future = new CancellationForwardingFuture<>(source, NO_ACTION, mapper);
		source.whenComplete(future);
		return future;
	}

	@Override
	public void accept(@Nullable S result, @Nullable Throwable failure) {
		try {
			this.action.accept(result, failure);
			if (failure == null) {
				complete(this.mapper.apply(result));
				return;
			}
		}
		catch (Throwable ex) {
			fail((failure != null) ? failure : ex);
			return;
		}
		fail(failure);
	}

	@Override
	public boolean cancel(boolean mayInterruptIfRunning) {
		boolean cancelled = super.cancel(mayInterruptIfRunning);
		this.source.cancel(mayInterruptIfRunning);
		return cancelled;
	}

	// As the dependents of a CompletableFuture do, so callers see the same failures.
	private void fail(Throwable failure) {
		completeExceptionally((failure instanceof CompletionException) ? failure : new CompletionException(failure));
	}

}

package io.github.lambdainvoker.client;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlinx.coroutines.future.FutureKt;
import org.jspecify.annotations.Nullable;

/**
 * Returns a call as the result of a Kotlin {@code suspend} function: starts the call and
 * suspends the caller's coroutine until its future completes. Cancelling the coroutine
 * cancels the future, and with it the call. Needs only {@code kotlinx-coroutines-core};
 * only loaded for suspend functions.
 */
final class SuspendingReturnAdapter implements AsyncReturnAdapter {

	private final boolean unit;

	/**
	 * Create an adapter.
	 * @param unit whether the function returns {@code Unit}
	 */
	SuspendingReturnAdapter(boolean unit) {
		this.unit = unit;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable Object adapt(Supplier<? extends CompletableFuture<?>> call,
			@Nullable Object @Nullable [] arguments) {
		Objects.requireNonNull(arguments, "A suspend function has a continuation argument");
		Continuation<Object> continuation = (Continuation<Object>) Objects
			.requireNonNull(arguments[arguments.length - 1]);
		CompletableFuture<Object> result = (CompletableFuture<Object>) call.get();
		return FutureKt.await(this.unit ? asUnit(result) : result, continuation);
	}

	private static CompletableFuture<Object> asUnit(CompletableFuture<?> call) {
		CompletableFuture<Object> result = new CompletableFuture<>();
		call.whenComplete((value, failure) -> {
			if (failure != null) {
				result.completeExceptionally(failure);
			}
			else {
				result.complete(Unit.INSTANCE);
			}
		});
		result.whenComplete((value, failure) -> {
			if (failure instanceof CancellationException) {
				call.cancel(false);
			}
		});
		return result;
	}

}

package io.github.lambdainvoker.client;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Hands the result of an asynchronous call back as a return type other than
 * {@code CompletableFuture}: a reactive type, or the result of a Kotlin {@code suspend}
 * function. Chosen once per method when it is parsed; the adapter decides when the call
 * starts.
 */
interface AsyncReturnAdapter {

	/**
	 * Adapt one call.
	 * @param call starts the call and returns its future, whose cancellation cancels the
	 * call; to be invoked at most once per subscription or invocation
	 * @param arguments the method's arguments, {@code null} for a method without
	 * parameters
	 * @return the value the method returns
	 */
	@Nullable Object adapt(Supplier<? extends CompletableFuture<?>> call, @Nullable Object @Nullable [] arguments);

}

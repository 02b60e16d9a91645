package io.github.lambdainvoker.invoke;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * {@link Bulkhead} with one fair {@link Semaphore} per function key, sized by the
 * function's {@link BulkheadSettings}. Functions without a limit take no permit.
 */
final class SemaphoreBulkhead implements Bulkhead {

	private final ConcurrentMap<String, Semaphore> semaphores = new ConcurrentHashMap<>();

	@Override
	public boolean limits(ResolvedFunction function) {
		return function.bulkhead().limited();
	}

	@Override
	public <R> R execute(PreparedInvocation invocation, Supplier<R> call) {
		Semaphore semaphore = acquire(invocation);
		if (semaphore == null) {
			return call.get();
		}
		try {
			return call.get();
		}
		finally {
			semaphore.release();
		}
	}

	@Override
	public <R> CompletableFuture<R> executeAsync(PreparedInvocation invocation, Supplier<CompletableFuture<R>> call) {
		Semaphore semaphore;
		try {
			semaphore = acquire(invocation);
		}
		catch (LambdaBulkheadFullException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (semaphore == null) {
			return call.get();
		}
		CompletableFuture<R> result;
		try {
			result = call.get();
		}
		catch (RuntimeException | Error ex) {
			semaphore.release();
			throw ex;
		}
		return CancellationForwardingFuture.whenComplete(result, (value, failure) -> semaphore.release());
	}

	/**
	 * Return how many more calls of a function may start now without waiting.
	 * @param functionKey the function key
	 * @return the free permits, or {@code -1} when no call of the function was limited
	 * yet
	 */
	public int availablePermits(String functionKey) {
		Semaphore semaphore = this.semaphores.get(functionKey);
		return (semaphore != null) ? semaphore.availablePermits() : -1;
	}

	private @Nullable Semaphore acquire(PreparedInvocation invocation) {
		BulkheadSettings settings = invocation.function().bulkhead();
		Integer maxConcurrency = settings.maxConcurrency();
		if (maxConcurrency == null) {
			return null;
		}
		// One semaphore per key, sized when the key is first called: the settings come
		// from properties, which are fixed for the life of the application.
		Semaphore semaphore = this.semaphores.computeIfAbsent(invocation.functionKey(),
				(key) -> new Semaphore(maxConcurrency, true));
		Duration maxWait = settings.maxWait();
		try {
			boolean acquired = maxWait.isZero() ? semaphore.tryAcquire()
					: semaphore.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
			if (acquired) {
				return semaphore;
			}
			throw new LambdaBulkheadFullException(invocation.functionKey(), invocation.qualifier(), maxConcurrency,
					maxWait, null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LambdaBulkheadFullException(invocation.functionKey(), invocation.qualifier(), maxConcurrency,
					maxWait, ex);
		}
	}

}

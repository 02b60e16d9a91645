package io.github.lambdainvoker.local;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs {@code Event} invocations after they have been accepted, each once capacity within
 * the function's reserved concurrency allows, and lets callers wait until every accepted
 * event has run.
 */
final class EventQueue {

	private static final System.Logger logger = System.getLogger(EventQueue.class.getName());

	private final ExecutorService eventExecutor;

	private final InvocationRunner runner;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition drained = this.lock.newCondition();

	private int pending;

	EventQueue(ExecutorService eventExecutor, InvocationRunner runner) {
		this.eventExecutor = eventExecutor;
		this.runner = runner;
	}

	/**
	 * Accept an event for running later.
	 * @param invocation the event invocation
	 */
	void submit(Invocation invocation) {
		changePending(1);
		try {
			this.eventExecutor.execute(() -> {
				try {
					run(invocation);
				}
				finally {
					changePending(-1);
				}
			});
		}
		catch (RuntimeException ex) {
			changePending(-1);
			throw ex;
		}
	}

	private void run(Invocation invocation) {
		FunctionRuntime runtime = invocation.target().runtime();
		if (runtime.isThrottled()) {
			logger.log(Level.WARNING, "Dropped event {0} for function {1}: its reserved concurrency is 0",
					invocation.requestId(), invocation.target().invokedArn());
			return;
		}
		try {
			runtime.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			InvocationResult result = this.runner.run(invocation);
			if (result.functionError() != null) {
				logger.log(Level.WARNING, "Event {0} for function {1} failed: {2}", invocation.requestId(),
						invocation.target().invokedArn(), new String(result.payload(), StandardCharsets.UTF_8));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			runtime.release();
		}
	}

	/**
	 * Wait until every accepted event has run.
	 * @param timeout how long to wait at most
	 * @return {@code true} if no event is left, {@code false} if the time ran out
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean await(Duration timeout) throws InterruptedException {
		long remaining = timeout.toNanos();
		this.lock.lock();
		try {
			while (this.pending > 0) {
				if (remaining <= 0) {
					return false;
				}
				remaining = this.drained.awaitNanos(remaining);
			}
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void changePending(int delta) {
		this.lock.lock();
		try {
			this.pending += delta;
			if (this.pending == 0) {
				this.drained.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Stop running events; those not yet started are dropped.
	 */
	void shutdown() {
		int dropped = this.eventExecutor.shutdownNow().size();
		if (dropped > 0) {
			changePending(-dropped);
		}
		try {
			this.eventExecutor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package io.github.lambdainvoker.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Reads what the current thread has cost so far: bytes allocated, CPU time and wall time.
 * Only the calling thread counts, so the in-process server's threads and the JVM's
 * background threads do not blur the figures of a call.
 *
 * @param allocatedBytes bytes allocated by the thread
 * @param cpuNanos CPU time of the thread
 * @param wallNanos {@link System#nanoTime()}
 */
public record ThreadCost(long allocatedBytes, long cpuNanos, long wallNanos) {

	private static final com.sun.management.ThreadMXBean THREADS = threads();

	private static com.sun.management.ThreadMXBean threads() {
		if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
			throw new IllegalStateException("This JVM cannot report per-thread allocation");
		}
		if (!threads.isThreadAllocatedMemorySupported() || !threads.isCurrentThreadCpuTimeSupported()) {
			throw new IllegalStateException("This JVM cannot report per-thread allocation and CPU time");
		}
		threads.setThreadAllocatedMemoryEnabled(true);
		threads.setThreadCpuTimeEnabled(true);
		return threads;
	}

	/**
	 * Read the current thread's cost so far.
	 * @return the cost
	 */
	public static ThreadCost now() {
		long bytes = THREADS.getCurrentThreadAllocatedBytes();
		long cpu = THREADS.getCurrentThreadCpuTime();
		return new ThreadCost(bytes, cpu, System.nanoTime());
	}

	/**
	 * Return the cost since an earlier reading.
	 * @param start the earlier reading
	 * @return the difference
	 */
	public ThreadCost since(ThreadCost start) {
		return new ThreadCost(this.allocatedBytes - start.allocatedBytes, this.cpuNanos - start.cpuNanos,
				this.wallNanos - start.wallNanos);
	}

}

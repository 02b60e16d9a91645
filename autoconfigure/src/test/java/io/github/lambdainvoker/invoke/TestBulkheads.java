package io.github.lambdainvoker.invoke;

/**
 * The default bulkhead, and a look at its permits, for tests in other packages.
 */
public final class TestBulkheads {

	private TestBulkheads() {
	}

	public static Bulkhead semaphores() {
		return new SemaphoreBulkhead();
	}

	public static int availablePermits(Bulkhead bulkhead, String functionKey) {
		return ((SemaphoreBulkhead) bulkhead).availablePermits(functionKey);
	}

}

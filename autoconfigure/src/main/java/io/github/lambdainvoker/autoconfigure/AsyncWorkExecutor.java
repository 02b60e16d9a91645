package io.github.lambdainvoker.autoconfigure;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * The executor of the work the starter runs on threads of its own: asynchronous calls
 * made without the asynchronous SDK client, and health probes. It is Spring Boot's
 * {@value #APPLICATION_TASK_EXECUTOR} when the application has one, so that its settings
 * apply ({@code spring.threads.virtual.enabled=true} gives virtual threads); otherwise an
 * executor of the starter's own, stopped when the context closes.
 */
final class AsyncWorkExecutor implements DisposableBean {

	/** Name of Spring Boot's auto-configured task executor bean. */
	static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

	private final Executor executor;

	private final @Nullable SimpleAsyncTaskExecutor own;

	/**
	 * Create the executor.
	 * @param applicationTaskExecutor the application's task executor, or {@code null}
	 * @param virtualThreads whether an executor of the starter's own runs tasks on
	 * virtual threads
	 */
	AsyncWorkExecutor(@Nullable Executor applicationTaskExecutor, boolean virtualThreads) {
		if (applicationTaskExecutor != null) {
			this.executor = applicationTaskExecutor;
			this.own = null;
		}
		else {
			SimpleAsyncTaskExecutor own = new SimpleAsyncTaskExecutor("lambda-invoker-");
			own.setDaemon(true);
			own.setVirtualThreads(virtualThreads);
			this.executor = own;
			this.own = own;
		}
	}

	Executor executor() {
		return this.executor;
	}

	@Override
	public void destroy() {
		if (this.own != null) {
			this.own.close();
		}
	}

}

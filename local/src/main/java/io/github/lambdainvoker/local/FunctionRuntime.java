package io.github.lambdainvoker.local;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A function as the emulator runs it: its configuration, the ready-to-call handler of
 * each version and the permits that enforce its reserved concurrency.
 */
final class FunctionRuntime {

	private final LocalFunction function;

	private final String arn;

	private final Map<String, HandlerAdapter> adapters = new LinkedHashMap<>();

	private final @Nullable Semaphore concurrency;

	private final String executionEnvironmentId = UUID.randomUUID().toString().replace("-", "");

	FunctionRuntime(LocalFunction function, String arn, JsonMapper jsonMapper) {
		this.function = function;
		this.arn = arn;
		this.adapters.put(LocalFunction.LATEST,
				HandlerAdapter.of(function.handler(), function.inputType(), jsonMapper));
		function.versions()
			.forEach((version, handler) -> this.adapters.put(version,
					HandlerAdapter.of(handler, function.inputType(), jsonMapper)));
		Integer reserved = function.reservedConcurrency();
		this.concurrency = (reserved != null) ? new Semaphore(reserved) : null;
	}

	LocalFunction function() {
		return this.function;
	}

	/**
	 * Return the unqualified ARN of the function.
	 * @return the function ARN
	 */
	String arn() {
		return this.arn;
	}

	/**
	 * Resolve a qualifier to the version it runs, as Lambda does.
	 * @param qualifier {@code null}, {@code $LATEST}, a version number or an alias
	 * @return the version, or {@code null} if the qualifier names no version or alias
	 */
	@Nullable String resolveVersion(@Nullable String qualifier) {
		if (qualifier == null || LocalFunction.LATEST.equals(qualifier)) {
			return LocalFunction.LATEST;
		}
		if (this.function.versions().containsKey(qualifier)) {
			return qualifier;
		}
		return this.function.aliases().get(qualifier);
	}

	/**
	 * Return the log stream that an invocation of a version writes to, named as Lambda
	 * names it.
	 * @param version the version that runs
	 * @return the log stream name
	 */
	String logStreamName(String version) {
		String day = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"));
		return day + "/[" + version + "]" + this.executionEnvironmentId;
	}

	HandlerAdapter adapter(String version) {
		HandlerAdapter adapter = this.adapters.get(version);
		if (adapter == null) {
			throw new IllegalArgumentException("No version " + version + " of function " + this.function.name());
		}
		return adapter;
	}

	/**
	 * Take a permit for a synchronous invocation without waiting.
	 * @return whether the invocation may run
	 */
	boolean tryAcquire() {
		return this.concurrency == null || this.concurrency.tryAcquire();
	}

	/**
	 * Wait for a permit, as Lambda's event queue waits for capacity.
	 * @throws InterruptedException if interrupted while waiting
	 */
	void acquire() throws InterruptedException {
		if (this.concurrency != null) {
			this.concurrency.acquire();
		}
	}

	void release() {
		if (this.concurrency != null) {
			this.concurrency.release();
		}
	}

	/**
	 * Whether a reserved concurrency of zero stops every invocation.
	 * @return {@code true} if the function never runs
	 */
	boolean isThrottled() {
		Integer reserved = this.function.reservedConcurrency();
		return reserved != null && reserved == 0;
	}

}

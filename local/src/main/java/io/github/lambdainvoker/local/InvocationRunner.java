package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an invocation's handler on a thread of its own, with its output captured into the
 * execution log, and stops it at the function's timeout.
 */
final class InvocationRunner {

	private final ExecutorService handlerExecutor;

	InvocationRunner(ExecutorService handlerExecutor) {
		this.handlerExecutor = handlerExecutor;
	}

	/**
	 * Run an invocation and wait for its outcome.
	 * @param invocation the invocation
	 * @return the outcome, a function error if the handler failed or timed out
	 * @throws InterruptedException if interrupted while waiting for the handler
	 */
	InvocationResult run(Invocation invocation) throws InterruptedException {
		ResolvedFunction target = invocation.target();
		Duration timeout = target.runtime().function().timeout();
		InvocationLog log = new InvocationLog(StandardStreamCapture.console());
		log.line("START RequestId: " + invocation.requestId() + " Version: " + target.version());
		long start = System.nanoTime();
		LocalContext context = new LocalContext(invocation.requestId(), target, invocation.clientContext(),
				invocation.tenantId(), start + timeout.toNanos(), log);
		Future<byte[]> handling = this.handlerExecutor.submit(() -> {
			StandardStreamCapture.attach(log);
			try {
				return target.adapter().invoke(invocation.payload(), context);
			}
			finally {
				StandardStreamCapture.detach();
			}
		});
		byte[] payload;
		String functionError = null;
		try {
			payload = handling.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			if (payload.length > ErrorDocuments.MAX_RESPONSE_BYTES) {
				payload = write(ErrorDocuments.responseTooLarge());
				functionError = InvocationResult.UNHANDLED;
			}
		}
		catch (TimeoutException ex) {
			handling.cancel(true);
			log.line(Instant.now() + " " + invocation.requestId() + " " + ErrorDocuments.timeoutMessage(timeout));
			payload = write(ErrorDocuments.timeout(invocation.requestId(), timeout));
			functionError = InvocationResult.UNHANDLED;
		}
		catch (ExecutionException ex) {
			Throwable failure = ex.getCause();
			ObjectNode document = (failure instanceof RuntimeFault fault) ? fault.document()
					: ErrorDocuments.of((failure != null) ? failure : ex);
			payload = write(document);
			log.line(new String(payload, StandardCharsets.UTF_8));
			functionError = InvocationResult.UNHANDLED;
		}
		catch (InterruptedException ex) {
			handling.cancel(true);
			throw ex;
		}
		double millis = (System.nanoTime() - start) / 1_000_000.0;
		log.line("END RequestId: " + invocation.requestId());
		log.line(String.format(Locale.ROOT,
				"REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\t" + "Memory Size: %d MB\t",
				invocation.requestId(), millis, (long) Math.ceil(millis), target.runtime().function().memorySize()));
		return new InvocationResult(payload, functionError, log.tail());
	}

	private static byte[] write(ObjectNode document) {
		return document.toString().getBytes(StandardCharsets.UTF_8);
	}

}

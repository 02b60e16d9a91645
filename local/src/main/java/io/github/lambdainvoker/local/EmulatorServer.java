package io.github.lambdainvoker.local;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * The running part of a {@link LocalLambda}: the HTTP server on the loopback address and
 * the threads that run handlers and queued events.
 */
final class EmulatorServer {

	private static final AtomicInteger instances = new AtomicInteger();

	private final LoopbackServer http;

	private final ExecutorService handlerExecutor;

	private final EventQueue events;

	private EmulatorServer(LoopbackServer http, ExecutorService handlerExecutor, EventQueue events) {
		this.http = http;
		this.handlerExecutor = handlerExecutor;
		this.events = events;
	}

	/**
	 * Bind the port and start serving.
	 * @param port the port, or 0 for a free one
	 * @param registry the functions to serve
	 * @param jsonMapper the mapper for payloads and client contexts
	 * @return the running server
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	static EmulatorServer start(int port, FunctionRegistry registry, JsonMapper jsonMapper) {
		String prefix = "local-lambda-" + instances.incrementAndGet();
		ExecutorService handlerExecutor = Executors.newCachedThreadPool(LoopbackServer.threads(prefix + "-handler-"));
		ExecutorService eventExecutor = Executors.newCachedThreadPool(LoopbackServer.threads(prefix + "-event-"));
		InvocationRunner runner = new InvocationRunner(handlerExecutor);
		EventQueue events = new EventQueue(eventExecutor, runner);
		InvokeHttpHandler handler = new InvokeHttpHandler(new InvokeService(registry, runner, events, jsonMapper));
		LoopbackServer http;
		try {
			http = LoopbackServer.start(port, prefix + "-http-", handler);
		}
		catch (UncheckedIOException ex) {
			events.shutdown();
			handlerExecutor.shutdownNow();
			throw new UncheckedIOException("Cannot bind the local Lambda emulator to port " + port, ex.getCause());
		}
		StandardStreamCapture.install();
		return new EmulatorServer(http, handlerExecutor, events);
	}

	URI endpoint() {
		return this.http.endpoint();
	}

	boolean awaitEvents(Duration timeout) throws InterruptedException {
		return this.events.await(timeout);
	}

	/**
	 * Close the port, drop events not yet started and interrupt running handlers.
	 */
	void stop() {
		this.http.stop();
		this.events.shutdown();
		this.handlerExecutor.shutdownNow();
		try {
			this.handlerExecutor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			StandardStreamCapture.uninstall();
		}
	}

}

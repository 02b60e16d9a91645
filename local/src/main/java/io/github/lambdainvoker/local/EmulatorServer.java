package io.github.lambdainvoker.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running part of a {@link LocalLambda}: the HTTP server on the loopback address and
 * the threads that serve requests, run handlers and run queued events.
 */
final class EmulatorServer {

	private static final AtomicInteger instances = new AtomicInteger();

	private final HttpServer server;

	private final ExecutorService httpExecutor;

	private final ExecutorService handlerExecutor;

	private final EventQueue events;

	private final URI endpoint;

	private EmulatorServer(HttpServer server, ExecutorService httpExecutor, ExecutorService handlerExecutor,
			EventQueue events) {
		this.server = server;
		this.httpExecutor = httpExecutor;
		this.handlerExecutor = handlerExecutor;
		this.events = events;
		InetSocketAddress address = server.getAddress();
		this.endpoint = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
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
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind the local Lambda emulator to port " + port, ex);
		}
		String prefix = "local-lambda-" + instances.incrementAndGet();
		ExecutorService httpExecutor = Executors.newCachedThreadPool(threads(prefix + "-http-"));
		ExecutorService handlerExecutor = Executors.newCachedThreadPool(threads(prefix + "-handler-"));
		ExecutorService eventExecutor = Executors.newCachedThreadPool(threads(prefix + "-event-"));
		InvocationRunner runner = new InvocationRunner(handlerExecutor);
		EventQueue events = new EventQueue(eventExecutor, runner);
		server.createContext("/", new InvokeHttpHandler(new InvokeService(registry, runner, events, jsonMapper)));
		server.setExecutor(httpExecutor);
		StandardStreamCapture.install();
		server.start();
		return new EmulatorServer(server, httpExecutor, handlerExecutor, events);
	}

	URI endpoint() {
		return this.endpoint;
	}

	boolean awaitEvents(Duration timeout) throws InterruptedException {
		return this.events.await(timeout);
	}

	/**
	 * Close the port, drop events not yet started and interrupt running handlers.
	 */
	void stop() {
		this.server.stop(0);
		this.events.shutdown();
		this.handlerExecutor.shutdownNow();
		this.httpExecutor.shutdownNow();
		try {
			this.handlerExecutor.awaitTermination(1, TimeUnit.SECONDS);
			this.httpExecutor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			StandardStreamCapture.uninstall();
		}
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

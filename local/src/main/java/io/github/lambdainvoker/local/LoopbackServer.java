package io.github.lambdainvoker.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK HTTP server on the loopback address that serves one handler on daemon threads of
 * its own.
 */
final class LoopbackServer {

	private final HttpServer server;

	private final ExecutorService executor;

	private final URI endpoint;

	private LoopbackServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
		InetSocketAddress address = server.getAddress();
		this.endpoint = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	/**
	 * Bind the port and start serving.
	 * @param port the port, or 0 for a free one
	 * @param threadPrefix the prefix of the names of the serving threads
	 * @param handler the handler of every request
	 * @return the running server
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	static LoopbackServer start(int port, String threadPrefix, HttpHandler handler) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot bind a loopback HTTP server to port " + port, ex);
		}
		ExecutorService executor = Executors.newCachedThreadPool(threads(threadPrefix));
		server.createContext("/", handler);
		server.setExecutor(executor);
		server.start();
		return new LoopbackServer(server, executor);
	}

	URI endpoint() {
		return this.endpoint;
	}

	/**
	 * Close the port and interrupt the requests still being served, waiting a second at
	 * most for them to end.
	 */
	void stop() {
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Return a factory of daemon threads named with a prefix and a counter.
	 * @param prefix the prefix
	 * @return the thread factory
	 */
	static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}

package io.github.lambdainvoker.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Lambda Invoke endpoint on the loopback interface that answers every call with a
 * canned response: the JDK's HTTP server on a thread pool, with persistent connections.
 * It reads each request body fully before answering, as Lambda does.
 */
public final class LoopbackLambdaServer implements AutoCloseable {

	static {
		// Without TCP_NODELAY the server's separate header and body writes meet the
		// client's delayed ACK: 40 ms per call instead of microseconds. Read once, by the
		// server's configuration class, so it must be set before the first server starts.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final AtomicLong requests = new AtomicLong();

	private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();

	private final AtomicLong expectContinueRequests = new AtomicLong();

	private final AtomicLong chunkedRequests = new AtomicLong();

	public LoopbackLambdaServer(CannedResponses responses, int threads) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.executor = Executors.newFixedThreadPool(threads);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> respond(exchange, responses));
		this.server.start();
	}

	private void respond(HttpExchange exchange, CannedResponses responses) throws IOException {
		try (exchange) {
			this.requests.incrementAndGet();
			this.connections.add(exchange.getRemoteAddress());
			if (exchange.getRequestHeaders().containsKey("Expect")) {
				this.expectContinueRequests.incrementAndGet();
			}
			if (exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
				this.chunkedRequests.incrementAndGet();
			}
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(OutputStream.nullOutputStream());
			}
			byte[] payload = responses.body(PayloadSize.forPath(exchange.getRequestURI().getRawPath()));
			Headers headers = exchange.getResponseHeaders();
			headers.set("Content-Type", "application/json");
			headers.set("X-Amz-Executed-Version", "$LATEST");
			headers.set("x-amzn-RequestId", CannedResponses.REQUEST_ID);
			exchange.sendResponseHeaders(200, payload.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(payload);
			}
		}
	}

	/**
	 * Return the endpoint to point clients at.
	 * @return the endpoint URI
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * Return how many requests were answered.
	 * @return the count
	 */
	public long requests() {
		return this.requests.get();
	}

	/**
	 * Return how many client connections were seen.
	 * @return the count
	 */
	public int connections() {
		return this.connections.size();
	}

	/**
	 * Return how many requests asked for {@code 100-continue}, each costing a round trip.
	 * @return the count
	 */
	public long expectContinueRequests() {
		return this.expectContinueRequests.get();
	}

	/**
	 * Return how many requests sent their body chunked rather than with a length.
	 * @return the count
	 */
	public long chunkedRequests() {
		return this.chunkedRequests.get();
	}

	/**
	 * Log how many requests and connections the server saw, and how many asked for
	 * {@code 100-continue} or were chunked.
	 */
	public void logCounts() {
		System.getLogger(LoopbackLambdaServer.class.getName())
			.log(System.Logger.Level.INFO, "Server: " + requests() + " requests on " + connections() + " connections, "
					+ expectContinueRequests() + " with Expect: 100-continue, " + chunkedRequests() + " chunked");
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}

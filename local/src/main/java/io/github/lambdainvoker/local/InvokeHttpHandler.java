package io.github.lambdainvoker.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the Invoke operation, {@code POST
 * /2015-03-31/functions/{FunctionName}/invocations}: reads the path, query, headers and
 * body into an {@link InvokeRequest} and writes the {@link HttpReply} of an
 * {@link Operation}.
 */
final class InvokeHttpHandler implements HttpHandler {

	private static final System.Logger logger = System.getLogger(InvokeHttpHandler.class.getName());

	private static final Pattern PATH = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations/?");

	private final Operation operation;

	InvokeHttpHandler(Operation operation) {
		this.operation = operation;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String requestId = UUID.randomUUID().toString();
		try (exchange) {
			HttpReply reply;
			try {
				reply = this.operation.invoke(read(exchange, requestId));
			}
			catch (ApiError ex) {
				reply = HttpReply.of(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				reply = HttpReply.of(ApiError.service("The emulator is stopping"));
			}
			catch (RuntimeException ex) {
				logger.log(Level.ERROR, "Invoke request " + requestId + " failed", ex);
				reply = HttpReply.of(ApiError.service(String.valueOf(ex)));
			}
			write(exchange, requestId, reply);
		}
	}

	private static InvokeRequest read(HttpExchange exchange, String requestId) throws IOException {
		Matcher path = PATH.matcher(exchange.getRequestURI().getRawPath());
		if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
			drain(exchange.getRequestBody());
			throw ApiError.unknownOperation();
		}
		Headers headers = exchange.getRequestHeaders();
		InvocationType invocationType = InvocationType.parse(headers.getFirst("X-Amz-Invocation-Type"));
		boolean tail = tail(headers.getFirst("X-Amz-Log-Type"));
		byte[] payload = readPayload(exchange.getRequestBody(), invocationType);
		return new InvokeRequest(requestId, decode(path.group(1)), qualifier(exchange.getRequestURI().getRawQuery()),
				invocationType, tail && invocationType == InvocationType.REQUEST_RESPONSE,
				headers.getFirst("X-Amz-Client-Context"), headers.getFirst("X-Amz-Tenant-Id"), payload);
	}

	private static boolean tail(@Nullable String logType) {
		if (logType == null || "None".equals(logType)) {
			return false;
		}
		if ("Tail".equals(logType)) {
			return true;
		}
		throw ApiError.validation(logType, "logType", "Member must satisfy enum value set: [None, Tail]");
	}

	private static @Nullable String qualifier(@Nullable String rawQuery) {
		if (rawQuery == null) {
			return null;
		}
		for (String parameter : rawQuery.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			if ("Qualifier".equals(decode(name))) {
				return (equals >= 0) ? decode(parameter.substring(equals + 1)) : "";
			}
		}
		return null;
	}

	private static String decode(String encoded) {
		// Path segments and query values are percent-encoded; a '+' is a literal plus
		return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	private static byte[] readPayload(InputStream body, InvocationType invocationType) throws IOException {
		int limit = invocationType.maxPayloadBytes();
		ByteArrayOutputStream payload = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long size = 0;
		int read;
		while ((read = body.read(buffer)) != -1) {
			if (size + read <= limit) {
				payload.write(buffer, 0, read);
			}
			size += read;
		}
		if (size > limit) {
			throw invocationType.payloadTooLarge(size);
		}
		return payload.toByteArray();
	}

	private static void drain(InputStream body) throws IOException {
		body.transferTo(OutputStream.nullOutputStream());
	}

	private static void write(HttpExchange exchange, String requestId, HttpReply reply) throws IOException {
		if (reply == HttpReply.NO_ANSWER) {
			// Closing an exchange whose response was never started closes its connection
			return;
		}
		Headers headers = exchange.getResponseHeaders();
		headers.set("X-Amzn-RequestId", requestId);
		reply.headers().forEach(headers::set);
		if (reply.body().length == 0) {
			exchange.sendResponseHeaders(reply.status(), -1);
			return;
		}
		exchange.sendResponseHeaders(reply.status(), reply.body().length);
		try (OutputStream body = exchange.getResponseBody()) {
			body.write(reply.body());
		}
	}

	/**
	 * Answers Invoke requests: the emulator's {@link InvokeService}, or a script.
	 */
	@FunctionalInterface
	interface Operation {

		/**
		 * Answer a request.
		 * @param request the request
		 * @return the reply, without the request id header
		 * @throws ApiError if Lambda would reject the request
		 * @throws InterruptedException if interrupted while answering
		 */
		HttpReply invoke(InvokeRequest request) throws InterruptedException;

	}

}

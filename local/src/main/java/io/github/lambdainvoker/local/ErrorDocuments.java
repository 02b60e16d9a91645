package io.github.lambdainvoker.local;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The error documents that Lambda's Java runtime returns for a failed invocation:
 * {@code errorMessage}, {@code errorType}, {@code stackTrace} and a nested {@code cause}.
 */
final class ErrorDocuments {

	/** Largest response payload before Lambda replaces it with an error. */
	static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final Set<String> ADAPTER_CLASSES = Set.of(PojoHandlerAdapter.class.getName(),
			StreamHandlerAdapter.class.getName());

	private ErrorDocuments() {
	}

	/**
	 * Describe an exception thrown by a handler.
	 * @param ex the exception
	 * @return the error document
	 */
	static ObjectNode of(Throwable ex) {
		return of(ex, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static ObjectNode of(Throwable ex, Set<Throwable> seen) {
		seen.add(ex);
		ObjectNode document = nodes.objectNode();
		if (ex.getMessage() != null) {
			document.put("errorMessage", ex.getMessage());
		}
		document.put("errorType", ex.getClass().getName());
		ArrayNode stackTrace = document.putArray("stackTrace");
		for (StackTraceElement element : ex.getStackTrace()) {
			if (ADAPTER_CLASSES.contains(element.getClassName())) {
				break;
			}
			stackTrace.add(element.toString());
		}
		Throwable cause = ex.getCause();
		if (cause != null && !seen.contains(cause)) {
			document.set("cause", of(cause, seen));
		}
		return document;
	}

	/**
	 * Describe an error by its parts, as the Java runtime writes a thrown exception.
	 * @param errorType the error type, such as an exception's class name
	 * @param errorMessage the message, or {@code null} for none
	 * @param stackTrace the frames, innermost first
	 * @return the error document
	 */
	static ObjectNode of(String errorType, @Nullable String errorMessage, List<String> stackTrace) {
		ObjectNode document = nodes.objectNode();
		if (errorMessage != null) {
			document.put("errorMessage", errorMessage);
		}
		document.put("errorType", errorType);
		ArrayNode frames = document.putArray("stackTrace");
		stackTrace.forEach(frames::add);
		return document;
	}

	/**
	 * Describe a payload that the runtime could not convert to or from a handler's types.
	 * @param message what the runtime was doing
	 * @param cause the serializer's exception
	 * @return the error document
	 */
	static ObjectNode serialization(String message, Throwable cause) {
		ObjectNode document = nodes.objectNode();
		document.put("errorMessage", message);
		document.put("errorType", RuntimeException.class.getName());
		document.putArray("stackTrace");
		document.set("cause", of(cause));
		return document;
	}

	/**
	 * Describe an invocation stopped at its timeout.
	 * @param requestId the request id
	 * @param timeout the function's timeout
	 * @return the error document
	 */
	static ObjectNode timeout(String requestId, Duration timeout) {
		ObjectNode document = nodes.objectNode();
		document.put("errorType", "Sandbox.Timedout");
		document.put("errorMessage", "RequestId: " + requestId + " Error: " + timeoutMessage(timeout));
		return document;
	}

	/**
	 * Return the message Lambda logs for a timed-out invocation.
	 * @param timeout the function's timeout
	 * @return the message, such as {@code Task timed out after 3.00 seconds}
	 */
	static String timeoutMessage(Duration timeout) {
		return String.format(Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
	}

	/**
	 * Describe a response payload over Lambda's limit.
	 * @return the error document
	 */
	static ObjectNode responseTooLarge() {
		ObjectNode document = nodes.objectNode();
		document.put("errorMessage",
				"Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes).");
		document.put("errorType", "Function.ResponseSizeTooLarge");
		return document;
	}

}

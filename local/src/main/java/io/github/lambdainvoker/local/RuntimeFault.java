package io.github.lambdainvoker.local;

import tools.jackson.databind.node.ObjectNode;

/**
 * A function error raised by the emulated runtime rather than by the handler, such as a
 * payload that does not bind to the handler's input type; carries the error document the
 * Java runtime would return.
 */
final class RuntimeFault extends RuntimeException {

	private final ObjectNode document;

	RuntimeFault(ObjectNode document) {
		super(document.path("errorMessage").asString(), null, false, false);
		this.document = document;
	}

	ObjectNode document() {
		return this.document;
	}

}

package io.github.lambdainvoker.local;

import org.jspecify.annotations.Nullable;

/**
 * What running an invocation produced.
 *
 * @param payload the response payload: the handler's output, or an error document
 * @param functionError {@code Unhandled} if the function failed, else {@code null}
 * @param logTail the last 4 KB of the execution log
 */
record InvocationResult(byte[] payload, @Nullable String functionError, byte[] logTail) {

	static final String UNHANDLED = "Unhandled";

}

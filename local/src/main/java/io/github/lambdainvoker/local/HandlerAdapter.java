package io.github.lambdainvoker.local;

import java.lang.reflect.Type;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a handler with a raw payload and returns the raw response, as the Java runtime
 * does for each kind of handler.
 */
sealed interface HandlerAdapter permits PojoHandlerAdapter, StreamHandlerAdapter {

	/**
	 * Call the handler.
	 * @param payload the request payload, valid JSON
	 * @param context the invocation context
	 * @return the response payload
	 * @throws Exception whatever the handler throws, or a {@link RuntimeFault}
	 */
	byte[] invoke(byte[] payload, Context context) throws Exception;

	/**
	 * Adapt a handler.
	 * @param handler a {@link RequestStreamHandler} or {@link RequestHandler}
	 * @param inputType the type to read a {@link RequestHandler}'s input as, or
	 * {@code null} to resolve it from the handler's class
	 * @param jsonMapper the mapper for {@link RequestHandler} input and output
	 * @return the adapter
	 */
	static HandlerAdapter of(Object handler, @Nullable Type inputType, JsonMapper jsonMapper) {
		if (handler instanceof RequestStreamHandler streamHandler) {
			return new StreamHandlerAdapter(streamHandler);
		}
		if (handler instanceof RequestHandler<?, ?> requestHandler) {
			return new PojoHandlerAdapter(requestHandler, inputType, jsonMapper);
		}
		throw new IllegalArgumentException("Not a Lambda handler: " + handler.getClass().getName());
	}

}

package io.github.lambdainvoker.local;

import java.lang.reflect.Type;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a {@link RequestHandler}: reads the payload as the handler's input type and
 * writes its output as JSON. Like the Java runtime, a payload that does not bind to the
 * input type is a function error, not an API error.
 */
final class PojoHandlerAdapter implements HandlerAdapter {

	private final RequestHandler<Object, Object> handler;

	private final JavaType inputType;

	private final JsonMapper jsonMapper;

	@SuppressWarnings("unchecked")
	PojoHandlerAdapter(RequestHandler<?, ?> handler, @Nullable Type inputType, JsonMapper jsonMapper) {
		this.handler = (RequestHandler<Object, Object>) handler;
		this.inputType = (inputType != null) ? jsonMapper.constructType(inputType)
				: resolveInputType(handler.getClass(), jsonMapper);
		this.jsonMapper = jsonMapper;
	}

	private static JavaType resolveInputType(Class<?> handlerClass, JsonMapper jsonMapper) {
		JavaType[] parameters = jsonMapper.getTypeFactory()
			.findTypeParameters(jsonMapper.constructType(handlerClass), RequestHandler.class);
		return (parameters.length > 0) ? parameters[0] : jsonMapper.constructType(Object.class);
	}

	@Override
	public byte[] invoke(byte[] payload, Context context) {
		Object input = read(payload);
		Object output = this.handler.handleRequest(input, context);
		return write(output);
	}

	private @Nullable Object read(byte[] payload) {
		try {
			return this.jsonMapper.readValue(payload, this.inputType);
		}
		catch (JacksonException ex) {
			throw new RuntimeFault(ErrorDocuments.serialization("An error occurred during JSON parsing", ex));
		}
	}

	private byte[] write(@Nullable Object output) {
		try {
			return this.jsonMapper.writeValueAsBytes(output);
		}
		catch (JacksonException ex) {
			throw new RuntimeFault(
					ErrorDocuments.serialization("An error occurred during JSON serialization of response", ex));
		}
	}

}

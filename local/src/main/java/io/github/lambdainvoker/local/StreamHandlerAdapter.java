package io.github.lambdainvoker.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Calls a {@link RequestStreamHandler} with the payload bytes as they arrived.
 */
final class StreamHandlerAdapter implements HandlerAdapter {

	private final RequestStreamHandler handler;

	StreamHandlerAdapter(RequestStreamHandler handler) {
		this.handler = handler;
	}

	@Override
	public byte[] invoke(byte[] payload, Context context) throws Exception {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		this.handler.handleRequest(new ByteArrayInputStream(payload), output, context);
		return output.toByteArray();
	}

}

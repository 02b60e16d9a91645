package io.github.lambdainvoker.local.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link RequestStreamHandler} that looks its handler bean up on first call, so that
 * the emulator can start before the beans its handlers depend on, such as the Lambda
 * clients.
 */
final class BeanStreamHandler implements RequestStreamHandler {

	private final SingletonSupplier<RequestStreamHandler> handler;

	BeanStreamHandler(BeanFactory beanFactory, String beanName) {
		this.handler = SingletonSupplier.of(() -> beanFactory.getBean(beanName, RequestStreamHandler.class));
	}

	@Override
	public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
		this.handler.obtain().handleRequest(input, output, context);
	}

}

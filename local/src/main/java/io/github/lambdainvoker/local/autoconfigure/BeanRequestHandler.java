package io.github.lambdainvoker.local.autoconfigure;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * A {@link RequestHandler} that looks its handler bean up on first call, so that the
 * emulator can start before the beans its handlers depend on, such as the Lambda clients.
 */
final class BeanRequestHandler implements RequestHandler<Object, Object> {

	private final SingletonSupplier<RequestHandler<Object, Object>> handler;

	@SuppressWarnings("unchecked")
	BeanRequestHandler(BeanFactory beanFactory, String beanName) {
		this.handler = SingletonSupplier.of(() -> beanFactory.getBean(beanName, RequestHandler.class));
	}

	@Override
	public Object handleRequest(Object input, Context context) {
		return this.handler.obtain().handleRequest(input, context);
	}

}

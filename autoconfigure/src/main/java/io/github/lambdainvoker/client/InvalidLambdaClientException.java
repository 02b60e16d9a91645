package io.github.lambdainvoker.client;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when a {@link LambdaClient @LambdaClient} interface or one of its
 * methods cannot be turned into calls to Lambda. The message names the interface and the
 * method.
 */
public class InvalidLambdaClientException extends IllegalStateException {

	private final Class<?> clientType;

	private final @Nullable Method method;

	public InvalidLambdaClientException(String message, Class<?> clientType, @Nullable Method method,
			@Nullable Throwable cause) {
		super(message, cause);
		this.clientType = clientType;
		this.method = method;
	}

	/**
	 * Return the client interface.
	 * @return the client interface
	 */
	public Class<?> getClientType() {
		return this.clientType;
	}

	/**
	 * Return the method at fault, if the fault is in one method.
	 * @return the method or {@code null}
	 */
	public @Nullable Method getMethod() {
		return this.method;
	}

}

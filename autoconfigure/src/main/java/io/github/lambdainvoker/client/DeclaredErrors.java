package io.github.lambdainvoker.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The exception types a client method declares in its {@code throws} clause, by the
 * {@code errorType} names they answer to (binary, canonical and simple name). A function
 * error whose type matches is rethrown as the declared type, with the
 * {@link LambdaFunctionException} as its cause.
 *
 * @param byErrorType the exception factories by error type name
 */
record DeclaredErrors(Map<String, ExceptionFactory> byErrorType) {

	/** A method that declares no exceptions. */
	static final DeclaredErrors NONE = new DeclaredErrors(Map.of());

	DeclaredErrors {
		byErrorType = Map.copyOf(byErrorType);
	}

	/**
	 * Collect the exceptions a method declares.
	 * @param method the method
	 * @param clientType the client interface, named in errors
	 * @param description the method, named in errors
	 * @return the declared errors
	 * @throws InvalidLambdaClientException if a declared exception cannot be created from
	 * a message
	 */
	static DeclaredErrors of(Method method, Class<?> clientType, String description) {
		Map<String, ExceptionFactory> byErrorType = new LinkedHashMap<>();
		Set<String> ambiguous = new HashSet<>();
		for (Class<?> type : method.getExceptionTypes()) {
			if (LambdaInvocationException.class.isAssignableFrom(type)) {
				continue;
			}
			ExceptionFactory factory = ExceptionFactory.of(type.asSubclass(Throwable.class));
			if (factory == null) {
				throw new InvalidLambdaClientException(
						"@LambdaClient method " + description + " declares " + type.getName()
								+ ", which cannot be created from a function error: it needs a non-private "
								+ "(String) or (String, Throwable) constructor and must not be abstract",
						clientType, method, null);
			}
			byErrorType.put(type.getName(), factory);
			if (type.getCanonicalName() != null) {
				byErrorType.put(type.getCanonicalName(), factory);
			}
			ExceptionFactory sameSimpleName = byErrorType.putIfAbsent(type.getSimpleName(), factory);
			if (sameSimpleName != null && sameSimpleName != factory) {
				ambiguous.add(type.getSimpleName());
			}
		}
		// Two declared types with one simple name: only their full names can pick one.
		ambiguous.forEach(byErrorType::remove);
		return byErrorType.isEmpty() ? NONE : new DeclaredErrors(byErrorType);
	}

	/**
	 * Return what to throw for a failed call: the declared exception matching a function
	 * error, or the failure itself.
	 * @param failure the failure, possibly wrapped by a future
	 * @return the exception to throw
	 */
	Throwable translate(Throwable failure) {
		Throwable cause = unwrap(failure);
		if (cause instanceof LambdaFunctionException functionError && functionError.getErrorType() != null) {
			ExceptionFactory factory = this.byErrorType.get(functionError.getErrorType());
			if (factory != null) {
				return factory.create(functionError);
			}
		}
		return cause;
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof CompletionException || current instanceof ExecutionException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/**
	 * Creates one declared exception type from a function error, through a constructor
	 * found at start-up.
	 *
	 * @param constructor the {@code (String)} or {@code (String, Throwable)} constructor
	 * @param takesCause whether the constructor takes the cause
	 */
	record ExceptionFactory(Constructor<? extends Throwable> constructor, boolean takesCause) {

		static @Nullable ExceptionFactory of(Class<? extends Throwable> type) {
			if (Modifier.isAbstract(type.getModifiers())) {
				return null;
			}
			Constructor<? extends Throwable> withCause = findConstructor(type, String.class, Throwable.class);
			if (withCause != null) {
				return new ExceptionFactory(withCause, true);
			}
			Constructor<? extends Throwable> messageOnly = findConstructor(type, String.class);
			return (messageOnly != null) ? new ExceptionFactory(messageOnly, false) : null;
		}

		private static @Nullable Constructor<? extends Throwable> findConstructor(Class<? extends Throwable> type,
				Class<?>... parameterTypes) {
			try {
				Constructor<? extends Throwable> constructor = type.getDeclaredConstructor(parameterTypes);
				if (Modifier.isPrivate(constructor.getModifiers())) {
					return null;
				}
				ReflectionUtils.makeAccessible(constructor);
				return constructor;
			}
			catch (NoSuchMethodException ex) {
				return null;
			}
		}

		Throwable create(LambdaFunctionException functionError) {
			String message = (functionError.getErrorMessage() != null) ? functionError.getErrorMessage()
					: functionError.getMessage();
			try {
				if (this.takesCause) {
					return this.constructor.newInstance(message, functionError);
				}
				Throwable exception = this.constructor.newInstance(message);
				attachCause(exception, functionError);
				return exception;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				functionError.addSuppressed(ex);
				return functionError;
			}
		}

		private static void attachCause(Throwable exception, LambdaFunctionException functionError) {
			try {
				exception.initCause(functionError);
			}
			catch (IllegalStateException causeAlreadySet) {
				exception.addSuppressed(functionError);
			}
		}

	}

}

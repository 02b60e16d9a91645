package io.github.lambdainvoker.autoconfigure;

import java.lang.reflect.Method;

import io.github.lambdainvoker.client.InvalidLambdaClientException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link InvalidLambdaClientException} at start-up as the mistake in the client
 * interface, rather than as the bean creation failure that carries it.
 */
class InvalidLambdaClientFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLambdaClientException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidLambdaClientException cause) {
		Method method = cause.getMethod();
		String target = (method != null) ? "method " + method.getName() + " of " + cause.getClientType().getName()
				: cause.getClientType().getName();
		String message = String.valueOf(cause.getMessage());
		StringBuilder description = new StringBuilder(message);
		Throwable nested = cause.getCause();
		String nestedMessage = (nested != null) ? nested.getMessage() : null;
		if (nestedMessage != null && !message.contains(nestedMessage)) {
			description.append(System.lineSeparator()).append("Caused by: ").append(nestedMessage);
		}
		return new FailureAnalysis(description.toString(),
				"Correct the declaration of " + target
						+ " as the description says; docs/annotations.md lists the supported parameters, return types "
						+ "and attributes.",
				cause);
	}

}

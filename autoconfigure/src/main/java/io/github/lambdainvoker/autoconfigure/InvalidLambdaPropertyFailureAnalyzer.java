package io.github.lambdainvoker.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Describes an {@link InvalidLambdaPropertyException} the way Spring Boot describes its
 * own invalid properties: the property, its value, the reason, and the action to take.
 */
class InvalidLambdaPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLambdaPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidLambdaPropertyException cause) {
		String description = "Invalid Lambda Invoker configuration:\n\n    Property: " + cause.getProperty()
				+ "\n    Value: " + cause.getValue() + "\n    Reason: " + cause.getReason();
		return new FailureAnalysis(description, cause.getAction(), cause);
	}

}

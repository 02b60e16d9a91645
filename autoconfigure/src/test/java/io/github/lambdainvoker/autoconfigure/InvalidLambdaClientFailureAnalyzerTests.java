package io.github.lambdainvoker.autoconfigure;

import java.lang.reflect.Method;

import io.github.lambdainvoker.client.InvalidLambdaClientException;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidLambdaClientFailureAnalyzer}.
 */
class InvalidLambdaClientFailureAnalyzerTests {

	private final InvalidLambdaClientFailureAnalyzer analyzer = new InvalidLambdaClientFailureAnalyzer();

	@Test
	void analysisDescribesTheMistakeAndNamesTheMethodToCorrect() throws Exception {
		Method method = PricingFunctions.class.getMethod("quote", String.class);
		InvalidLambdaClientException mistake = new InvalidLambdaClientException(
				"@LambdaClient method PricingFunctions.quote(String) names no function", PricingFunctions.class, method,
				null);
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("pricingFunctions", "failed", mistake));
		assertThat(analysis.getDescription())
			.isEqualTo("@LambdaClient method PricingFunctions.quote(String) names no function");
		assertThat(analysis.getAction()).startsWith("Correct the declaration of method quote of "
				+ PricingFunctions.class.getName() + " as the description says");
		assertThat(analysis.getCause()).isSameAs(mistake);
	}

	@Test
	void analysisOfAMistakeInTheInterfaceNamesTheInterface() {
		InvalidLambdaClientException mistake = new InvalidLambdaClientException("not an interface",
				PricingFunctions.class, null, null);
		assertThat(this.analyzer.analyze(mistake).getAction())
			.startsWith("Correct the declaration of " + PricingFunctions.class.getName() + " as");
	}

	@Test
	void analysisAddsTheCauseWhenTheMessageLacksIt() {
		InvalidLambdaClientException mistake = new InvalidLambdaClientException("cannot use qualifier",
				PricingFunctions.class, null, new LambdaValidationException("Qualifier is bad", "pricing", null));
		assertThat(this.analyzer.analyze(mistake).getDescription())
			.isEqualTo("cannot use qualifier" + System.lineSeparator() + "Caused by: Qualifier is bad");
	}

	interface PricingFunctions {

		String quote(String sku);

	}

}

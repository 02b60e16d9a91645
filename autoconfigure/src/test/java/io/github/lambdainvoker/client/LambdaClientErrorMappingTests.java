package io.github.lambdainvoker.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import io.github.lambdainvoker.invoke.FunctionError;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaFunctionNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.functionError;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how {@link LambdaClient @LambdaClient} methods report function errors and API
 * errors.
 */
class LambdaClientErrorMappingTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final QuoteRequest QUOTE_REQUEST = new QuoteRequest("sku-1", 2);

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	@Test
	void functionErrorWhoseTypeIsTheBinaryNameOfADeclaredCheckedExceptionIsRethrownAsIt() {
		wireMock.stubFor(invocation("pricing")
			.willReturn(functionError(QuoteRejectedException.class.getName(), "price changed")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(QuoteRejectedException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.withMessage("price changed")
				.havingCause()
				.isInstanceOfSatisfying(LambdaFunctionException.class, (ex) -> {
					assertThat(ex.getErrorType()).isEqualTo(QuoteRejectedException.class.getName());
					assertThat(ex.getFunctionError()).isEqualTo(FunctionError.UNHANDLED);
				});
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void functionErrorWhoseTypeIsTheCanonicalNameOfADeclaredExceptionIsRethrownAsIt() {
		wireMock.stubFor(invocation("pricing")
			.willReturn(functionError(QuoteRejectedException.class.getCanonicalName(), "price changed")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(QuoteRejectedException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.withMessage("price changed");
		});
	}

	@Test
	void functionErrorWhoseTypeIsTheSimpleNameOfADeclaredUncheckedExceptionIsRethrownAsIt() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("InvalidSkuException", "no such sku")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(InvalidSkuException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.withMessage("no such sku")
				.withCauseInstanceOf(LambdaFunctionException.class);
		});
	}

	@Test
	void declaredExceptionWithOnlyAMessageConstructorGetsTheFunctionErrorAsItsCause() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("PricingUnavailableException", "down")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(PricingUnavailableException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.withMessage("down")
				.withCauseInstanceOf(LambdaFunctionException.class);
		});
	}

	@Test
	void functionErrorOfAnUndeclaredTypeIsThrownAsLambdaFunctionException() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("ValueError", "bad quantity")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(LambdaFunctionException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getErrorType()).isEqualTo("ValueError");
					assertThat(ex.getErrorMessage()).isEqualTo("bad quantity");
					assertThat(ex.getResponse().statusCode()).isEqualTo(200);
				});
		});
	}

	@Test
	void functionErrorOfAMethodWithoutThrowsClauseIsThrownAsLambdaFunctionException() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("InvalidSkuException", "no such sku")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(LambdaFunctionException.class)
				.isThrownBy(() -> pricing.quoteWithoutDeclaredErrors(QUOTE_REQUEST))
				.withMessageContaining("InvalidSkuException: no such sku");
		});
	}

	@Test
	void handledFunctionErrorIsMappedLikeAnUnhandledOne() {
		wireMock
			.stubFor(invocation("pricing").willReturn(functionError("Handled", "InvalidSkuException", "no such sku")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(InvalidSkuException.class).isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.havingCause()
				.isInstanceOfSatisfying(LambdaFunctionException.class,
						(ex) -> assertThat(ex.getFunctionError()).isEqualTo(FunctionError.HANDLED));
		});
	}

	@Test
	void functionNotFoundIsThrownAsLambdaFunctionNotFoundException() {
		wireMock.stubFor(invocation("pricing").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
			.withBody("{\"Type\":\"User\",\"Message\":\"Function not found: "
					+ "arn:aws:lambda:us-east-1:123456789012:function:pricing\"}")));
		this.contextRunner.run((context) -> {
			PricingFunctions pricing = context.getBean(PricingFunctions.class);
			assertThatExceptionOfType(LambdaFunctionNotFoundException.class)
				.isThrownBy(() -> pricing.quote(QUOTE_REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(404);
					assertThat(ex.getErrorCode()).isEqualTo("ResourceNotFoundException");
				});
			assertThat(invocations(wireMock, "pricing")).hasSize(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = PricingFunctions.class)
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface PricingFunctions {

		Quote quote(QuoteRequest request)
				throws QuoteRejectedException, InvalidSkuException, PricingUnavailableException;

		@LambdaFunction("pricing")
		Quote quoteWithoutDeclaredErrors(QuoteRequest request);

	}

	public static class QuoteRejectedException extends Exception {

		public QuoteRejectedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public static class InvalidSkuException extends RuntimeException {

		public InvalidSkuException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	public static class PricingUnavailableException extends RuntimeException {

		public PricingUnavailableException(String message) {
			super(message);
		}

	}

}

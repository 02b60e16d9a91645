package io.github.lambdainvoker.test;

import io.github.lambdainvoker.invoke.LambdaInvalidRequestException;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the failure messages of {@link MockLambdaServer#verify()}: each lists the
 * expected calls with their counts and the actual calls with what they matched, or how
 * they differ from the closest expectation.
 */
class MockLambdaServerVerificationTests {

	private static MockLambdaServer lambda;

	private static ConfigurableApplicationContext context;

	private static LambdaInvoker invoker;

	@BeforeAll
	static void start() {
		lambda = MockLambdaServer.start();
		context = TestInvokers.context(lambda.endpoint(), "aws.lambda.defaults.retry.enabled=false");
		invoker = context.getBean(LambdaInvoker.class);
	}

	@AfterAll
	static void stop() {
		context.close();
		lambda.close();
	}

	@BeforeEach
	void reset() {
		lambda.reset();
	}

	@Test
	void verifyWhenEveryExpectationIsMetPasses() {
		lambda.expect(invocationOf("pricing").qualifier("live")).andRespond(result(new Item("book", 2)));
		invoke(LambdaRequest.builder("pricing").qualifier("live").payload(new Item("book", 2)).build());
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void verifyWhenAnExpectedCallIsMissingNamesIt() {
		lambda.expect(invocationOf("pricing").qualifier("live"));
		lambda.expect(invocationOf("inventory"));
		invoke(LambdaRequest.builder("pricing").qualifier("live").payload(new Item("book", 2)).build());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify).withMessage("""
				MockLambdaServer: 1 expected invocation was not made.
				Expected (in order):
				  #1 pricing, qualifier 'live', once: called 1 time
				  #2 inventory, once: called 0 times <- MISSING 1
				Actual:
				  1. pricing, qualifier 'live', RequestResponse, payload {"sku":"book","quantity":2} -> #1""");
	}

	@Test
	void verifyWhenACallWasNotExpectedShowsItAndTheCallerGotAnErrorThatIsNotRetried() {
		assertThatExceptionOfType(LambdaInvalidRequestException.class)
			.isThrownBy(() -> invoker.invokeEvent("audit", new Item("book", 1)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo("UnexpectedInvocationException");
				assertThat(ex)
					.hasMessageContaining("MockLambdaServer expected no such call: no invocations are expected");
			});
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify).withMessage("""
				MockLambdaServer: 1 invocation was unexpected.
				Expected (in order): none
				Actual:
				  1. audit, Event, payload {"sku":"book","quantity":1}
				     <- UNEXPECTED: no invocations are expected""");
		assertThat(lambda.invocations()).hasSize(1);
	}

	@Test
	void verifyWhenTheQualifierIsWrongShowsTheDifference() {
		lambda.expect(invocationOf("pricing").qualifier("live"));
		callIgnoringFailure(LambdaRequest.builder("pricing").qualifier("canary").build());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify).withMessage("""
				MockLambdaServer: 1 expected invocation was not made, 1 invocation was unexpected.
				Expected (in order):
				  #1 pricing, qualifier 'live', once: called 0 times <- MISSING 1
				Actual:
				  1. pricing, qualifier 'canary', RequestResponse, payload (none)
				     <- UNEXPECTED: the closest expectation is #1 (pricing, qualifier 'live', once): \
				qualifier: expected 'live' but was 'canary'""");
	}

	@Test
	void verifyWhenThePayloadDiffersShowsEachDifferentMember() {
		lambda.expect(invocationOf("pricing").payloadJson("{\"sku\":\"book\",\"quantity\":2}"));
		callIgnoringFailure(LambdaRequest.of("pricing", new PricedItem("book", 3, "SUMMER")));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessage(
					"""
							MockLambdaServer: 1 expected invocation was not made, 1 invocation was unexpected.
							Expected (in order):
							  #1 pricing, payload {"sku":"book","quantity":2}, once: called 0 times <- MISSING 1
							Actual:
							  1. pricing, RequestResponse, payload {"sku":"book","quantity":3,"coupon":"SUMMER"}
							     <- UNEXPECTED: the closest expectation is #1 (pricing, payload {"sku":"book","quantity":2}, once): \
							payload $.quantity: expected 2 but was 3; payload $.coupon: not expected, was "SUMMER\"""");
	}

	@Test
	void verifyWhenThePayloadFailsThePredicateSaysSo() {
		lambda.expect(invocationOf("pricing").payload(Item.class, (item) -> item.quantity() > 5));
		callIgnoringFailure(LambdaRequest.of("pricing", new Item("book", 2)));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageContaining("<- UNEXPECTED: the closest expectation is #1 (pricing, payload matching a "
					+ "predicate on Item, once): payload: {\"sku\":\"book\",\"quantity\":2} does not satisfy the "
					+ "predicate on Item");
	}

	@Test
	void verifyWhenCallsComeOutOfOrderSaysWhichWasExpectedFirst() {
		lambda.expect(invocationOf("pricing"));
		lambda.expect(invocationOf("inventory"));
		callIgnoringFailure(LambdaRequest.of("inventory", null));
		invoke(LambdaRequest.of("pricing", null));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify).withMessage("""
				MockLambdaServer: 1 expected invocation was not made, 1 invocation was unexpected.
				Expected (in order):
				  #1 pricing, once: called 1 time
				  #2 inventory, once: called 0 times <- MISSING 1
				Actual:
				  1. inventory, RequestResponse, payload (none)
				     <- UNEXPECTED: it matches #2 (inventory, once), but #1 (pricing, once) is expected first
				  2. pricing, RequestResponse, payload (none) -> #1""");
	}

	@Test
	void verifyWhenAFunctionIsCalledMoreOftenThanExpectedCountsTheExtraCall() {
		lambda.expect(invocationOf("pricing").times(2));
		invoke(LambdaRequest.of("pricing", null));
		invoke(LambdaRequest.of("pricing", null));
		callIgnoringFailure(LambdaRequest.of("pricing", null));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageStartingWith("MockLambdaServer: 1 invocation was unexpected.")
			.withMessageContaining("#1 pricing, 2 times: called 2 times\n")
			.withMessageEndingWith("3. pricing, RequestResponse, payload (none)\n"
					+ "     <- UNEXPECTED: it matches #1 (pricing, 2 times), which already had all its 2 calls");
	}

	@Test
	void verifyWhenACalledExpectationIsPassedOverSaysItsTurnHasPassed() {
		lambda.expect(invocationOf("pricing"));
		lambda.expect(invocationOf("inventory"));
		invoke(LambdaRequest.of("pricing", null));
		invoke(LambdaRequest.of("inventory", null));
		callIgnoringFailure(LambdaRequest.of("pricing", null));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageEndingWith("<- UNEXPECTED: it matches #1 (pricing, once), which already had all its 1 call");
	}

	@Test
	void verifyWhenAnAnswerCannotBeWrittenReportsIt() {
		lambda.expect(invocationOf("pricing")).andRespond(result(new Unwritable()));
		assertThatExceptionOfType(LambdaInvalidRequestException.class)
			.isThrownBy(() -> invoke(LambdaRequest.of("pricing", null)))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo("MockLambdaServerException"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageStartingWith("MockLambdaServer: 1 answer could not be given.")
			.withMessageContaining("1. pricing, RequestResponse, payload (none) -> #1\n"
					+ "     <- FAILED: its answer, a result, could not be written: ");
	}

	@Test
	void verifyWhenOrderIsIgnoredAcceptsCallsInAnyOrder() {
		lambda.ignoreExpectOrder(true);
		lambda.expect(invocationOf("pricing"));
		lambda.expect(invocationOf("inventory"));
		invoke(LambdaRequest.of("inventory", null));
		invoke(LambdaRequest.of("pricing", null));
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void verifyWhenOrderIsIgnoredStillReportsTheClosestExpectation() {
		lambda.ignoreExpectOrder(true);
		lambda.expect(invocationOf("pricing").qualifier("live"));
		lambda.expect(invocationOf("inventory"));
		callIgnoringFailure(LambdaRequest.builder("pricing").qualifier("canary").build());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageContaining("Expected (in any order):")
			.withMessageContaining("the closest expectation is #1 (pricing, qualifier 'live', once): "
					+ "qualifier: expected 'live' but was 'canary'");
	}

	private static void invoke(LambdaRequest request) {
		invoker.invoke(request, String.class);
	}

	private static void callIgnoringFailure(LambdaRequest request) {
		assertThatExceptionOfType(LambdaInvalidRequestException.class).isThrownBy(() -> invoke(request));
	}

	record Item(String sku, int quantity) {

	}

	record PricedItem(String sku, int quantity, String coupon) {

	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("cannot be written");
		}

	}

}

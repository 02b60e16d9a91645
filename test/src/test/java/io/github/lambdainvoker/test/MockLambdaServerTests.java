package io.github.lambdainvoker.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LogType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.functionError;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static io.github.lambdainvoker.test.LambdaAnswer.throttle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for the expectations, answers and journal of {@link MockLambdaServer}, called
 * through the starter's auto-configured {@link LambdaInvoker} with its retries on.
 */
class MockLambdaServerTests {

	private static final Item BOOK = new Item("book", 2);

	private static MockLambdaServer lambda;

	private static ConfigurableApplicationContext context;

	private static LambdaInvoker invoker;

	@BeforeAll
	static void start() {
		lambda = MockLambdaServer.start();
		context = TestInvokers.context(lambda.endpoint(), "aws.lambda.defaults.retry.initial-interval=10ms",
				"aws.lambda.defaults.retry.jitter=false");
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
	void answersFollowOneAnotherAndTheLastRepeats() {
		lambda.expect(invocationOf("pricing").times(4)).andRespond(throttle(), result(1), result(2));
		assertThat(invoker.invoke("pricing", BOOK, Integer.class)).isEqualTo(1);
		assertThat(invoker.invoke("pricing", BOOK, Integer.class)).isEqualTo(2);
		assertThat(invoker.invoke("pricing", BOOK, Integer.class)).isEqualTo(2);
		lambda.verify();
		assertThat(lambda.invocations("pricing")).hasSize(4);
	}

	@Test
	void throttlesAreRetriedByTheStarterUntilTheyRunOut() {
		lambda.expect(invocationOf("pricing").times(3)).andRespond(throttle());
		assertThatExceptionOfType(LambdaThrottlingException.class)
			.isThrownBy(() -> invoker.invoke("pricing", BOOK, Integer.class));
		lambda.verify();
	}

	@Test
	void expectationWithoutAnswerGetsANullResult() {
		lambda.expect(invocationOf("pricing"));
		assertThat(invoker.invoke(LambdaRequest.of("pricing", BOOK), String.class).payloadAsString()).isEqualTo("null");
	}

	@Test
	void countRangesAcceptAnyNumberWithin() {
		lambda.expect(invocationOf("pricing").between(1, 3));
		lambda.expect(invocationOf("inventory").atLeast(2));
		invoker.invoke("pricing", null, Void.class);
		invoker.invoke("pricing", null, Void.class);
		invoker.invoke("inventory", null, Void.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(lambda::verify)
			.withMessageContaining("#1 pricing, between 1 and 3 times: called 2 times\n")
			.withMessageContaining("#2 inventory, at least 2 times: called 1 time <- MISSING 1");
		invoker.invoke("inventory", null, Void.class);
		invoker.invoke("inventory", null, Void.class);
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void optionalExpectationMayBePassedOver() {
		lambda.expect(invocationOf("audit").between(0, 1));
		lambda.expect(invocationOf("pricing"));
		invoker.invoke("pricing", null, Void.class);
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void journalRecordsWhatWentOverTheWire() {
		lambda.expect(invocationOf("pricing"));
		invoker.invoke(LambdaRequest.builder("pricing")
			.qualifier("live")
			.logType(LogType.TAIL)
			.clientContext(ClientContext.ofCustom(Map.of("tenant", "acme")))
			.tenantId("acme")
			.payload(BOOK)
			.build(), Void.class);
		assertThat(lambda.invocations()).singleElement().satisfies((call) -> {
			assertThat(call.functionName()).isEqualTo("pricing");
			assertThat(call.name()).isEqualTo("pricing");
			assertThat(call.qualifier()).isEqualTo("live");
			assertThat(call.invocationType()).isEqualTo(InvocationType.REQUEST_RESPONSE);
			assertThat(call.logType()).isEqualTo(LogType.TAIL);
			assertThat(call.clientContext()).isEqualTo(ClientContext.ofCustom(Map.of("tenant", "acme")));
			assertThat(call.tenantId()).isEqualTo("acme");
			assertThat(call.payloadAsString()).isEqualTo("{\"sku\":\"book\",\"quantity\":2}");
			assertThat(call.payload(Item.class)).isEqualTo(BOOK);
			assertThat(call.requestId()).isNotBlank();
		});
	}

	@Test
	void everyCriterionOfAnExpectationIsChecked() {
		lambda.expect(invocationOf("pricing").qualifier("live")
			.invocationType(InvocationType.EVENT)
			.logType(LogType.NONE)
			.tenantId("acme")
			.clientContext(ClientContext.ofCustom(Map.of("tenant", "acme")))
			.payloadJson("{\"quantity\":2,\"sku\":\"book\"}")
			.payload(Item.class, (item) -> item.quantity() == 2));
		invoker.invoke(LambdaRequest.builder("pricing")
			.qualifier("live")
			.invocationType(InvocationType.EVENT)
			.tenantId("acme")
			.clientContext(new ClientContext(Map.of("tenant", "acme", "trace", "1"), Map.of(), Map.of()))
			.payload(BOOK)
			.build(), Void.class);
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void functionNamedByArnWithQualifierMatchesItsBareNameAndQualifier() {
		String arn = "arn:aws:lambda:us-east-1:123456789012:function:pricing:live";
		lambda.expect(invocationOf("pricing").qualifier("live")).andRespond(result(1));
		assertThat(invoker.invoke(arn, null, Integer.class)).isEqualTo(1);
		assertThat(lambda.invocations("pricing")).singleElement()
			.satisfies((call) -> assertThat(call.functionName()).isEqualTo(arn));
		assertThat(lambda.invocations(arn)).hasSize(1);
	}

	@Test
	void executedVersionIsTheVersionInvokedOrLatestUnlessSet() {
		lambda.expect(invocationOf("pricing").times(3))
			.andRespond(result(1), result(2), result(3).executedVersion("7"));
		assertThat(invoker.invoke(LambdaRequest.builder("pricing").qualifier("4").build(), Integer.class)
			.executedVersion()).isEqualTo("4");
		assertThat(invoker.invoke(LambdaRequest.builder("pricing").qualifier("live").build(), Integer.class)
			.executedVersion()).isEqualTo("$LATEST");
		assertThat(invoker.invoke(LambdaRequest.of("pricing", null), Integer.class).executedVersion()).isEqualTo("7");
	}

	@Test
	void logIsSentOnlyWhenTheCallerAsksForItsTailAndOnlyItsLastFourKilobytes() {
		String log = "x".repeat(5000) + "\nlast line\n";
		lambda.expect(invocationOf("pricing").times(2)).andRespond(result(1).log(log));
		assertThat(invoker.invoke(LambdaRequest.of("pricing", null), Integer.class).logTail()).isNull();
		String tail = invoker.invoke(LambdaRequest.builder("pricing").logType(LogType.TAIL).build(), Integer.class)
			.logTail();
		assertThat(tail).hasSize(4096).endsWith("x\nlast line\n");
	}

	@Test
	void functionErrorOfAnEventIsAcceptedAsLambdaAcceptsEveryQueuedEvent() {
		lambda.expect(invocationOf("audit")).andRespond(functionError("Boom", "never seen"));
		LambdaResponse<Void> response = invoker.invokeEvent("audit", BOOK);
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.hasFunctionError()).isFalse();
	}

	@Test
	void verifyWithTimeoutWaitsForCallsMadeOnOtherThreads() {
		lambda.expect(invocationOf("pricing")).andRespond(result(1).delayedBy(Duration.ofMillis(200)));
		CompletableFuture<Integer> quote = invoker.invokeAsync("pricing", null, Integer.class);
		lambda.verify(Duration.ofSeconds(10));
		assertThat(quote.join()).isEqualTo(1);
	}

	@Test
	void verifyWithTimeoutFailsWhenTheCallNeverComes() {
		lambda.expect(invocationOf("pricing"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> lambda.verify(Duration.ofMillis(100)))
			.withMessageContaining("<- MISSING 1");
	}

	@Test
	void resetForgetsExpectationsCallsAndOrder() {
		lambda.ignoreExpectOrder(true);
		lambda.expect(invocationOf("pricing"));
		invoker.invoke("pricing", null, Void.class);
		lambda.reset();
		assertThat(lambda.invocations()).isEmpty();
		assertThatNoException().isThrownBy(lambda::verify);
		assertThatNoException().isThrownBy(() -> lambda.ignoreExpectOrder(false));
	}

	@Test
	void orderCannotChangeOnceExpectationsAreDeclared() {
		lambda.expect(invocationOf("pricing"));
		assertThatIllegalStateException().isThrownBy(() -> lambda.ignoreExpectOrder(true))
			.withMessage("Set whether to ignore the order of expectations before declaring them, or after reset()");
	}

	@Test
	void expectationIsCopiedWhenDeclared() {
		ExpectedInvocation expected = invocationOf("pricing");
		lambda.expect(expected);
		expected.qualifier("live");
		invoker.invoke("pricing", null, Void.class);
		assertThatNoException().isThrownBy(lambda::verify);
	}

	@Test
	void closeEndsAnswersThatAreStillDelayed() throws Exception {
		MockLambdaServer server = MockLambdaServer.start();
		server.expect(invocationOf("slow")).andRespond(result(1).delayedBy(Duration.ofMinutes(5)));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(server.endpoint() + "/2015-03-31/functions/slow/invocations"))
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		CompletableFuture<HttpResponse<String>> response = HttpClient.newHttpClient()
			.sendAsync(request, HttpResponse.BodyHandlers.ofString());
		server.verify(Duration.ofSeconds(10));
		server.close();
		assertThat(response).failsWithin(5, TimeUnit.SECONDS);
	}

	@Test
	void answerSettingsThatDoNotApplyAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> result(1).retryAfter(Duration.ofSeconds(1)))
			.withMessage("retryAfter applies to a throttle, not to a result");
		assertThatIllegalStateException().isThrownBy(() -> throttle().executedVersion("1"))
			.withMessage("executedVersion applies to results and function errors, not to a throttle");
		assertThatIllegalStateException().isThrownBy(() -> LambdaAnswer.connectionReset().log("x"))
			.withMessage("log applies to results and function errors, not to a connection reset");
		assertThatIllegalStateException()
			.isThrownBy(() -> LambdaAnswer.apiError("ResourceNotFoundException").reason("CallerRateLimitExceeded"))
			.withMessage("reason applies to a throttle, not to an API error (ResourceNotFoundException)");
	}

	@Test
	void answerValuesThatLambdaNeverSendsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaAnswer.apiError("NoSuchException"))
			.withMessage("'NoSuchException' is not an error that the Invoke operation documents (such as "
					+ "ResourceNotFoundException or ServiceException); give its status code with "
					+ "apiError(status, code, message)");
		assertThatIllegalArgumentException().isThrownBy(() -> throttle().reason("TooBusy"))
			.withMessageStartingWith("'TooBusy' is not a throttle reason that Lambda documents; use one of [");
		assertThatIllegalArgumentException().isThrownBy(() -> throttle().retryAfter(Duration.ofMillis(1500)))
			.withMessage("Retry-After is sent in whole seconds; PT1.5S is not a whole number of seconds");
		assertThatIllegalArgumentException().isThrownBy(() -> result(1).executedVersion("live"))
			.withMessage("An executed version is $LATEST or a version number, not 'live'");
		assertThatIllegalArgumentException().isThrownBy(() -> LambdaAnswer.apiError(200, "Fine", "fine"))
			.withMessage("An API error has a 4xx or 5xx status code, not 200");
	}

	@Test
	void expectedCountsMustBeReachable() {
		assertThatIllegalArgumentException().isThrownBy(() -> invocationOf("pricing").times(0))
			.withMessage("Expected call counts need 0 <= min <= max and max >= 1, not 0 to 0 for function 'pricing'");
		assertThatIllegalArgumentException().isThrownBy(() -> invocationOf("pricing").payloadJson("{sku"))
			.withMessageStartingWith("The expected payload is not JSON: ");
	}

	record Item(String sku, int quantity) {

	}

}

package io.github.lambdainvoker.sample.orders;

import java.math.BigDecimal;
import java.time.Duration;

import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaThrottlingException;
import io.github.lambdainvoker.invoke.LambdaTimeoutException;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.test.MockLambdaServer;
import io.github.lambdainvoker.test.autoconfigure.LambdaClientTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.functionError;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static io.github.lambdainvoker.test.LambdaAnswer.throttle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order service's failure paths, against a mock Lambda server: the service, its
 * {@code @LambdaClient} interfaces and the starter's retries run as configured in
 * {@code application.yml}; only Lambda's answers are made up.
 */
@LambdaClientTest(components = OrderService.class, properties = "aws.lambda.functions.inventory.attempt-timeout=1s")
class OrderServiceTests {

	private static final Quote QUOTE = new Quote("book", 2, new BigDecimal("25.00"), "1");

	@Autowired
	private OrderService orders;

	@Autowired
	private MockLambdaServer lambda;

	@Test
	void priceWhenPricingIsThrottledOnceIsRetriedAndAnswered() {
		this.lambda
			.expect(invocationOf("pricing").qualifier("live").payloadJson("{\"sku\":\"book\",\"quantity\":2}").times(2))
			.andRespond(throttle(), result(QUOTE));
		assertThat(this.orders.price("book", 2, null)).isEqualTo(QUOTE);
		this.lambda.verify();
	}

	@Test
	void priceWhenPricingStaysThrottledGivesUpAfterThreeAttempts() {
		this.lambda.expect(invocationOf("pricing").times(3)).andRespond(throttle());
		assertThatExceptionOfType(LambdaThrottlingException.class).isThrownBy(() -> this.orders.price("book", 2, null))
			.satisfies(
					(ex) -> assertThat(ex.getReason()).isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
		this.lambda.verify();
	}

	@Test
	void placeWhenInventoryFailsWithOutOfStockThrowsItAndAuditsTheRejection() {
		this.lambda.expect(invocationOf("pricing").qualifier("live")).andRespond(result(QUOTE));
		this.lambda.expect(invocationOf("inventory"))
			.andRespond(functionError(OutOfStockException.class.getName(), "No stock left for book"));
		this.lambda.expect(invocationOf("audit").invocationType(InvocationType.EVENT)
			.payloadJson("{\"action\":\"rejected\",\"sku\":\"book\",\"detail\":\"No stock left for book\"}"));
		assertThatExceptionOfType(OutOfStockException.class)
			.isThrownBy(() -> this.orders.place(new OrderRequest("book", 2)))
			.withMessage("No stock left for book");
		this.lambda.verify();
	}

	@Test
	void placeWhenInventoryTimesOutIsNeitherRetriedNorAudited() {
		this.lambda.expect(invocationOf("pricing")).andRespond(result(QUOTE));
		this.lambda.expect(invocationOf("inventory")).andRespond(result(null).delayedBy(Duration.ofSeconds(5)));
		assertThatExceptionOfType(LambdaTimeoutException.class)
			.isThrownBy(() -> this.orders.place(new OrderRequest("book", 2)))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
		this.lambda.verify();
		assertThat(this.lambda.invocations("audit")).isEmpty();
	}

	@Test
	void explainReturnsTheLogTailAndTheVersionThatRan() {
		this.lambda.expect(invocationOf("pricing").qualifier("live").logType(LogType.TAIL))
			.andRespond(result(QUOTE).executedVersion("1").log("priced 1 x book at 12.50 (version 1)\n"));
		LambdaResponse<Quote> response = this.orders.explain("book");
		assertThat(response.executedVersion()).isEqualTo("1");
		assertThat(response.logTail()).isEqualTo("priced 1 x book at 12.50 (version 1)\n");
		this.lambda.verify();
	}

}

package io.github.lambdainvoker.test.autoconfigure;

import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two test classes with the same slice configuration, run at the same time: each has its
 * own server and sees only its own calls. Each class waits, after its call, until the
 * other has made its call too, so this passes only if they really run in parallel.
 */
@LambdaClientTest
class ParallelTestClassesTests {

	private static final CountDownLatch bothCalled = new CountDownLatch(2);

	static void callAndCheckIsolation(ExamplePricingFunctions pricing, MockLambdaServer lambda, String sku)
			throws InterruptedException {
		lambda.expect(invocationOf("pricing").payloadJson("{\"sku\":\"" + sku + "\",\"quantity\":1}"))
			.andRespond(result(new ExampleQuote(sku, BigDecimal.ONE, 1)));
		assertThat(pricing.quote(new ExampleQuoteRequest(sku, 1)).sku()).isEqualTo(sku);
		bothCalled.countDown();
		assertThat(bothCalled.await(60, TimeUnit.SECONDS)).as("the other test class ran at the same time").isTrue();
		assertThat(lambda.invocations()).singleElement()
			.satisfies((call) -> assertThat(call.payloadAsString()).contains(sku));
		lambda.verify();
	}

	@Nested
	@Execution(ExecutionMode.CONCURRENT)
	class FirstTestClass {

		@Autowired
		private ExamplePricingFunctions pricing;

		@Autowired
		private MockLambdaServer lambda;

		@Test
		void seesOnlyItsOwnCalls() throws InterruptedException {
			callAndCheckIsolation(this.pricing, this.lambda, "first");
		}

	}

	@Nested
	@Execution(ExecutionMode.CONCURRENT)
	class SecondTestClass {

		@Autowired
		private ExamplePricingFunctions pricing;

		@Autowired
		private MockLambdaServer lambda;

		@Test
		void seesOnlyItsOwnCalls() throws InterruptedException {
			callAndCheckIsolation(this.pricing, this.lambda, "second");
		}

	}

}

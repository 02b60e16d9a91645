package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.test.MockLambdaServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static io.github.lambdainvoker.test.LambdaAnswer.throttle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClientTest @LambdaClientTest} with Boot's
 * {@link AutoConfigureMetrics @AutoConfigureMetrics}: the Lambda meters are recorded.
 */
@LambdaClientTest(properties = "aws.lambda.defaults.retry.initial-interval=10ms")
@AutoConfigureMetrics
class LambdaClientTestMetricsTests {

	@Autowired
	private ExamplePricingFunctions pricing;

	@Autowired
	private MockLambdaServer lambda;

	@Autowired
	private MeterRegistry meterRegistry;

	@Test
	void callsAndRetriesAreMeasured() {
		this.lambda.expect(invocationOf("pricing").times(2))
			.andRespond(throttle(), result(new ExampleQuote("book", java.math.BigDecimal.TEN, 1)));
		this.pricing.quote(new ExampleQuoteRequest("book", 1));
		this.lambda.verify();
		assertThat(this.meterRegistry.get("aws.lambda.invocations")
			.tag("function", "pricing")
			.tag("outcome", "SUCCESS")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.meterRegistry.get("aws.lambda.retries").tag("reason", "throttled").counter().count())
			.isEqualTo(1);
	}

}

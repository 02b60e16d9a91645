package io.github.lambdainvoker.test.autoconfigure;

import java.math.BigDecimal;

import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AutoConfigureMockLambdaServer @AutoConfigureMockLambdaServer} on a
 * full application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "aws.lambda.region=eu-west-1")
@AutoConfigureMockLambdaServer
class MockLambdaServerSpringBootTests {

	@Autowired
	private ExampleQuoteService quotes;

	@Autowired
	private MockLambdaServer lambda;

	@Test
	void applicationCallsTheMockServer() {
		this.lambda.expect(invocationOf("pricing")).andRespond(result(new ExampleQuote("book", BigDecimal.ONE, 0)));
		this.lambda.expect(invocationOf("inventory")).andRespond(result(2));
		assertThat(this.quotes.quote("book", 1).inStock()).isEqualTo(2);
		this.lambda.verify();
	}

}

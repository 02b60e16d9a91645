package io.github.lambdainvoker.test.autoconfigure;

import java.math.BigDecimal;

import io.github.lambdainvoker.test.MockLambdaServer;
import io.github.lambdainvoker.test.RecordedInvocation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static io.github.lambdainvoker.test.LambdaAnswer.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Tests for {@link LambdaClientTest @LambdaClientTest} with a {@code @MockitoBean} in the
 * context: one client is mocked in Java, the other calls the mock server.
 */
@LambdaClientTest(ExampleQuoteService.class)
class LambdaClientTestMockitoBeanTests {

	@MockitoBean
	private ExampleInventoryFunctions inventory;

	@Autowired
	private ExampleQuoteService quotes;

	@Autowired
	private MockLambdaServer lambda;

	@Test
	void mockedClientAndMockServerServeOneCall() {
		given(this.inventory.stock(any())).willReturn(5);
		this.lambda.expect(invocationOf("pricing")).andRespond(result(new ExampleQuote("book", BigDecimal.ONE, 0)));
		assertThat(this.quotes.quote("book", 1).inStock()).isEqualTo(5);
		this.lambda.verify();
		assertThat(this.lambda.invocations()).extracting(RecordedInvocation::name).containsExactly("pricing");
	}

}

package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClientTest @LambdaClientTest} with the mock server switched off.
 */
@LambdaClientTest(properties = "aws.lambda.region=us-east-1")
@AutoConfigureMockLambdaServer(enabled = false)
class MockLambdaServerDisabledTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsNoServer() {
		assertThat(this.context.getBeanNamesForType(MockLambdaServer.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ExamplePricingFunctions.class)).hasSize(1);
	}

}

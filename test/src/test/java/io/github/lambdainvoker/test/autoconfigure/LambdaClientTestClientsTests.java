package io.github.lambdainvoker.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LambdaClientTest#clients()}: only the named client interfaces are
 * loaded.
 */
@LambdaClientTest(clients = ExamplePricingFunctions.class)
class LambdaClientTestClientsTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void loadsOnlyTheNamedClients() {
		assertThat(this.context.getBeanNamesForType(ExamplePricingFunctions.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ExampleInventoryFunctions.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(ExampleQuoteService.class)).isEmpty();
	}

}

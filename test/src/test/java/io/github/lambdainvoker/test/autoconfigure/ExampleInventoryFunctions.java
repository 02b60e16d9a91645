package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;

/**
 * The inventory function of the example application.
 */
@LambdaClient
public interface ExampleInventoryFunctions {

	@LambdaFunction("inventory")
	int stock(ExampleQuoteRequest request);

}

package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.client.LambdaClient;

/**
 * The pricing function of the example application.
 */
@LambdaClient("pricing")
public interface ExamplePricingFunctions {

	ExampleQuote quote(ExampleQuoteRequest request);

}

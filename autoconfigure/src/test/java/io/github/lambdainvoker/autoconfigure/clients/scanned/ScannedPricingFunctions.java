package io.github.lambdainvoker.autoconfigure.clients.scanned;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;

/**
 * A client interface found by scanning its package.
 */
@LambdaClient
public interface ScannedPricingFunctions {

	@LambdaFunction("pricing")
	String quote(String request);

}

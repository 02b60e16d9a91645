package io.github.lambdainvoker.benchmarks;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;

/**
 * The {@code @LambdaClient} contender: one method per payload size, each bound to the
 * function that answers with orders of that size.
 */
@LambdaClient
public interface OrderFunctions {

	@LambdaFunction("orders-1k")
	Order small(Order order);

	@LambdaFunction("orders-64k")
	Order medium(Order order);

	@LambdaFunction("orders-1m")
	Order large(Order order);

}

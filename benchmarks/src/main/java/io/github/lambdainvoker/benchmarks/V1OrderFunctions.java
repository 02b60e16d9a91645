package io.github.lambdainvoker.benchmarks;

import com.amazonaws.services.lambda.invoke.LambdaFunction;

/**
 * The SDK v1 contender: the same functions as {@link OrderFunctions}, for
 * {@code LambdaInvokerFactory}.
 */
public interface V1OrderFunctions {

	@LambdaFunction(functionName = "orders-1k")
	Order small(Order order);

	@LambdaFunction(functionName = "orders-64k")
	Order medium(Order order);

	@LambdaFunction(functionName = "orders-1m")
	Order large(Order order);

}

package io.github.lambdainvoker.sample.orders;

import io.github.lambdainvoker.client.FunctionQualifier;
import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;
import io.github.lambdainvoker.client.LogTail;
import io.github.lambdainvoker.invoke.LambdaResponse;

/**
 * The pricing function, synchronously.
 */
@LambdaClient("pricing")
public interface PricingFunctions {

	/**
	 * Price an order with the configured alias.
	 * @param request what to price
	 * @return the quote
	 */
	Quote quote(QuoteRequest request);

	/**
	 * Price an order with a given alias or version.
	 * @param request what to price
	 * @param alias the alias or version to invoke
	 * @return the quote
	 */
	Quote quote(QuoteRequest request, @FunctionQualifier String alias);

	/**
	 * Price an order and return the function's log tail with it.
	 * @param request what to price
	 * @return the response with the quote and the decoded log tail
	 */
	@LogTail
	LambdaResponse<Quote> explain(QuoteRequest request);

}

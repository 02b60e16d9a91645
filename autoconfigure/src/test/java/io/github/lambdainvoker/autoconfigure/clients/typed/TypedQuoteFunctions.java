package io.github.lambdainvoker.autoconfigure.clients.typed;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;
import io.github.lambdainvoker.invoke.LambdaResponse;

/**
 * A client interface with JSON payload and result types, for native hints.
 */
@LambdaClient
public interface TypedQuoteFunctions {

	@LambdaFunction("pricing")
	Quote quote(QuoteRequest request);

	@LambdaFunction("pricing")
	CompletableFuture<LambdaResponse<List<Quote>>> quotes(QuoteRequest request);

	record QuoteRequest(String sku, int quantity) {
	}

	record Quote(String sku, Money total) {
	}

	record Money(String currency, long cents) {
	}

}

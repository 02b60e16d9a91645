package com.example;

import java.math.BigDecimal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The pricing function's handler in the documentation's examples.
 */
public class PricingHandler implements RequestHandler<QuoteRequest, Quote> {

	@Override
	public Quote handleRequest(QuoteRequest request, Context context) {
		return new Quote(request.sku(), request.quantity(),
				BigDecimal.TEN.multiply(BigDecimal.valueOf(request.quantity())));
	}

}

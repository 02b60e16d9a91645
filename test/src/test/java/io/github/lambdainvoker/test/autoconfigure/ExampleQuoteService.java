package io.github.lambdainvoker.test.autoconfigure;

import org.springframework.stereotype.Service;

/**
 * Quotes a product with its stock, from two functions.
 */
@Service
public class ExampleQuoteService {

	private final ExamplePricingFunctions pricing;

	private final ExampleInventoryFunctions inventory;

	public ExampleQuoteService(ExamplePricingFunctions pricing, ExampleInventoryFunctions inventory) {
		this.pricing = pricing;
		this.inventory = inventory;
	}

	public ExampleQuote quote(String sku, int quantity) {
		ExampleQuoteRequest request = new ExampleQuoteRequest(sku, quantity);
		ExampleQuote quote = this.pricing.quote(request);
		return new ExampleQuote(quote.sku(), quote.unitPrice(), this.inventory.stock(request));
	}

}

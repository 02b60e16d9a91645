package io.github.lambdainvoker.benchmarks;

import java.util.List;

/**
 * The payload of every benchmark: an order whose item list is sized to reach a target
 * number of JSON bytes.
 *
 * @param orderId the order id
 * @param customerId the customer id
 * @param currency the currency code
 * @param items the items
 */
public record Order(String orderId, String customerId, String currency, List<Item> items) {

	/**
	 * One line of an order.
	 *
	 * @param sku the stock keeping unit
	 * @param description a free-text description
	 * @param quantity the quantity
	 * @param unitPriceCents the unit price in cents
	 */
	public record Item(String sku, String description, int quantity, long unitPriceCents) {

	}

}

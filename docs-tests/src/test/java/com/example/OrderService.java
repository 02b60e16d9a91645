package com.example;

/**
 * The service under test in the documentation's testing examples: it prices and places
 * orders by calling Lambda functions. Only its methods matter to the examples.
 */
public interface OrderService {

	/**
	 * Price a quantity of a product.
	 * @param sku the product
	 * @param quantity how many
	 * @param alias the alias or version of the pricing function to call, or {@code null}
	 * for the configured one
	 * @return the quote
	 */
	Quote price(String sku, int quantity, String alias);

	/**
	 * Price an order, hold its stock and record what happened.
	 * @param request the order
	 * @return the placed order
	 * @throws OutOfStockException when there is not enough stock
	 */
	Order place(OrderRequest request);

}

package io.github.lambdainvoker.sample.orders;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;

/**
 * The inventory function, whose {@code OutOfStockException} comes back as a Java
 * exception.
 */
@LambdaClient
public interface InventoryFunctions {

	/**
	 * Hold stock for an order.
	 * @param request what to hold
	 * @return the reservation
	 * @throws OutOfStockException when there is not enough stock
	 */
	@LambdaFunction("inventory")
	Reservation reserve(QuoteRequest request) throws OutOfStockException;

}

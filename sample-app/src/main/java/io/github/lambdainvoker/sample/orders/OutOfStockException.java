package io.github.lambdainvoker.sample.orders;

/**
 * Thrown by the inventory function when there is not enough stock. Declared on
 * {@link InventoryFunctions#reserve}, so the function error comes back as this type.
 */
public class OutOfStockException extends RuntimeException {

	public OutOfStockException(String message) {
		super(message);
	}

}

package com.example;

/**
 * An error of the inventory function, declared by a client method in the documentation's
 * examples.
 */
public class OutOfStockException extends RuntimeException {

	public OutOfStockException(String message) {
		super(message);
	}

}

package com.example;

/**
 * An error of the pricing function, declared by a client method in the documentation's
 * examples.
 */
public class InvalidSkuException extends RuntimeException {

	public InvalidSkuException(String message) {
		super(message);
	}

}

package com.example;

/**
 * An error of the pricing function, declared by a client method in the documentation's
 * examples.
 */
public class QuoteRejectedException extends Exception {

	public QuoteRejectedException(String message, Throwable cause) {
		super(message, cause);
	}

}

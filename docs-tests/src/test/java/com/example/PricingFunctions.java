package com.example;

/**
 * The client interface that the documentation's examples inject; the pages declare their
 * own versions of it.
 */
public interface PricingFunctions {

	Quote quote(QuoteRequest request);

}

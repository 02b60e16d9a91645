package com.example;

/**
 * Payload of the pricing function in the documentation's examples.
 *
 * @param sku the product
 * @param quantity how many
 */
public record QuoteRequest(String sku, int quantity) {

}

package io.github.lambdainvoker.sample.orders;

/**
 * What the pricing function is asked to price.
 *
 * @param sku the product
 * @param quantity how many
 */
public record QuoteRequest(String sku, int quantity) {

}

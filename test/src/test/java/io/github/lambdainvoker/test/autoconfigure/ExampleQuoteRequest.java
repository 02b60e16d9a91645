package io.github.lambdainvoker.test.autoconfigure;

/**
 * What the example functions are asked about.
 *
 * @param sku the product
 * @param quantity how many
 */
public record ExampleQuoteRequest(String sku, int quantity) {

}

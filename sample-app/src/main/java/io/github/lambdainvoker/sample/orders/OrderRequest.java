package io.github.lambdainvoker.sample.orders;

/**
 * An order as a client posts it.
 *
 * @param sku the product
 * @param quantity how many
 */
public record OrderRequest(String sku, int quantity) {

}

package com.example;

/**
 * An order as a client places it, in the documentation's examples.
 *
 * @param sku the product
 * @param quantity how many
 */
public record OrderRequest(String sku, int quantity) {

}

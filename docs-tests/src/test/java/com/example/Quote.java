package com.example;

import java.math.BigDecimal;

/**
 * Result of the pricing function in the documentation's examples.
 *
 * @param sku the product
 * @param quantity how many
 * @param price the price of them all
 */
public record Quote(String sku, int quantity, BigDecimal price) {

}

package io.github.lambdainvoker.test.autoconfigure;

import java.math.BigDecimal;

/**
 * A price from the example pricing function.
 *
 * @param sku the product
 * @param unitPrice the price of one
 * @param inStock how many are in stock
 */
public record ExampleQuote(String sku, BigDecimal unitPrice, int inStock) {

}

package io.github.lambdainvoker.sample.orders;

import java.math.BigDecimal;

/**
 * A price from the pricing function.
 *
 * @param sku the product
 * @param quantity how many
 * @param total the total price
 * @param pricedBy the function version that computed it
 */
public record Quote(String sku, int quantity, BigDecimal total, String pricedBy) {

}

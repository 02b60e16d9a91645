package io.github.lambdainvoker.sample.orders;

/**
 * Stock held for an order by the inventory function.
 *
 * @param sku the product
 * @param quantity how many
 * @param reservationId the id of the hold
 */
public record Reservation(String sku, int quantity, String reservationId) {

}

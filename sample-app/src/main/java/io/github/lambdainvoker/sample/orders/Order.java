package io.github.lambdainvoker.sample.orders;

/**
 * A placed order.
 *
 * @param quote its price
 * @param reservation its stock
 */
public record Order(Quote quote, Reservation reservation) {

}

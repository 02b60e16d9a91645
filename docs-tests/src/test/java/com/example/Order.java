package com.example;

/**
 * Result of the orders function in the documentation's examples.
 *
 * @param id the order's id
 */
public record Order(String id) {

}

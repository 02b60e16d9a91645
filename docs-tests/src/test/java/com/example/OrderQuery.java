package com.example;

/**
 * Payload of the orders function in the documentation's examples.
 *
 * @param id the order's id
 */
public record OrderQuery(String id) {

}

package com.example;

/**
 * Result of the catalog function in the documentation's examples.
 *
 * @param id the product's id
 */
public record Product(String id) {

}

package com.example;

/**
 * Result of the reports function in the documentation's examples.
 *
 * @param text the report
 */
public record Report(String text) {

}

package com.example;

/**
 * Payload of the audit function in the documentation's examples.
 *
 * @param action what happened
 * @param quote the quote it happened to
 */
public record AuditEvent(String action, Quote quote) {

}

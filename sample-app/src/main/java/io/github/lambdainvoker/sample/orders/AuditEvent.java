package io.github.lambdainvoker.sample.orders;

/**
 * Something worth recording, sent to the audit function as an Event.
 *
 * @param action what happened
 * @param sku the product
 * @param detail more about it
 */
public record AuditEvent(String action, String sku, String detail) {

}

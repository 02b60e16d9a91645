/**
 * The application that the documentation's examples assume: its payload types, handlers,
 * a client interface and a service, for the snippets compiled by
 * {@code JavaSnippetsTests}.
 */
package com.example;

/**
 * The application that the documentation's examples assume: its payload types, handlers
 * and a client interface, for the snippets compiled by {@code JavaSnippetsTests}.
 */
package com.example;

package com.example;

/**
 * Payload of the reports function in the documentation's examples.
 *
 * @param quarter the quarter to report on, such as 2026-Q3
 */
public record ReportRequest(String quarter) {

}

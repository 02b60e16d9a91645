package com.example;

/**
 * A second version of the pricing function's handler in the documentation's examples.
 */
public class PricingHandlerV2 extends PricingHandler {

}

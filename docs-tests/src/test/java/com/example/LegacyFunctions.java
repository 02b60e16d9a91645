package com.example;

/**
 * A client interface without {@code @LambdaClient}, registered by name in the
 * documentation's examples.
 */
public interface LegacyFunctions {

	String status();

}

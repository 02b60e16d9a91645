package io.github.lambdainvoker.invoke;

/**
 * How Lambda runs an invocation ({@code X-Amz-Invocation-Type}).
 */
public enum InvocationType {

	/** Run the function synchronously and wait for its response (HTTP 200). */
	REQUEST_RESPONSE("RequestResponse"),

	/** Queue the event and return once Lambda has accepted it (HTTP 202). */
	EVENT("Event"),

	/**
	 * Validate the parameters and the caller's permission without running the function
	 * (HTTP 204).
	 */
	DRY_RUN("DryRun");

	private final String wireValue;

	InvocationType(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Return the value sent in the {@code X-Amz-Invocation-Type} header.
	 * @return the header value
	 */
	public String wireValue() {
		return this.wireValue;
	}

}

package io.github.lambdainvoker.invoke;

/**
 * Whether Lambda returns the tail of the execution log ({@code X-Amz-Log-Type}).
 */
public enum LogType {

	/** No log in the response. */
	NONE("None"),

	/** The last 4 KB of the execution log, for synchronous invocations only. */
	TAIL("Tail");

	private final String wireValue;

	LogType(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * Return the value sent in the {@code X-Amz-Log-Type} header.
	 * @return the header value
	 */
	public String wireValue() {
		return this.wireValue;
	}

}

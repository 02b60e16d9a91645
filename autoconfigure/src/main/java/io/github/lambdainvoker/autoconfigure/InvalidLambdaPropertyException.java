package io.github.lambdainvoker.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at start-up when an {@code aws.lambda.*} property has a value the starter cannot
 * use. Names the property, the value, the reason and what to do.
 */
class InvalidLambdaPropertyException extends RuntimeException {

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	private final String action;

	public InvalidLambdaPropertyException(String property, @Nullable Object value, String reason, String action) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
		this.property = property;
		this.value = value;
		this.reason = reason;
		this.action = action;
	}

	/**
	 * Return the name of the offending property.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the offending value.
	 * @return the value
	 */
	public @Nullable Object getValue() {
		return this.value;
	}

	/**
	 * Return why the value cannot be used.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * Return what to do about it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}

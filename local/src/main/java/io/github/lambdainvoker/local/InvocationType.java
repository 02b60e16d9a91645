package io.github.lambdainvoker.local;

import org.jspecify.annotations.Nullable;

/**
 * The values of the {@code X-Amz-Invocation-Type} header, with the payload limit of each.
 */
enum InvocationType {

	/** Run the function and return its response. */
	REQUEST_RESPONSE("RequestResponse", 6 * 1024 * 1024),

	/** Queue the function to run later. */
	EVENT("Event", 1024 * 1024),

	/** Check the request without running the function. */
	DRY_RUN("DryRun", 6 * 1024 * 1024);

	private final String headerValue;

	private final int maxPayloadBytes;

	InvocationType(String headerValue, int maxPayloadBytes) {
		this.headerValue = headerValue;
		this.maxPayloadBytes = maxPayloadBytes;
	}

	/**
	 * Parse the header.
	 * @param header the header value, or {@code null} for the default
	 * @return the invocation type
	 * @throws ApiError a {@code ValidationException} for an unknown value
	 */
	static InvocationType parse(@Nullable String header) {
		if (header == null) {
			return REQUEST_RESPONSE;
		}
		for (InvocationType type : values()) {
			if (type.headerValue.equals(header)) {
				return type;
			}
		}
		throw ApiError.validation(header, "invocationType",
				"Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
	}

	int maxPayloadBytes() {
		return this.maxPayloadBytes;
	}

	/**
	 * Return the error for a payload over this type's limit.
	 * @param size the payload size in bytes
	 * @return the error Lambda returns
	 */
	ApiError payloadTooLarge(long size) {
		return (this == EVENT) ? ApiError.eventTooLarge(size, this.maxPayloadBytes)
				: ApiError.requestTooLarge(this.maxPayloadBytes);
	}

}

package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Everything an Invoke call returned: status, executed version, function error, the
 * decoded log tail and the payload, as bytes and as a typed value.
 *
 * @param <T> the type of the decoded payload
 */
public final class LambdaResponse<T> {

	private final String functionName;

	private final int statusCode;

	private final @Nullable String executedVersion;

	private final FunctionError functionError;

	private final @Nullable String logTail;

	private final @Nullable String requestId;

	private final byte[] payloadBytes;

	private final @Nullable T payload;

	LambdaResponse(String functionName, int statusCode, @Nullable String executedVersion, FunctionError functionError,
			@Nullable String logTail, @Nullable String requestId, byte[] payloadBytes, @Nullable T payload) {
		this.functionName = functionName;
		this.statusCode = statusCode;
		this.executedVersion = executedVersion;
		this.functionError = functionError;
		this.logTail = logTail;
		this.requestId = requestId;
		this.payloadBytes = payloadBytes;
		this.payload = payload;
	}

	/**
	 * Return the function name that was invoked, as sent to Lambda.
	 * @return the function name
	 */
	public String functionName() {
		return this.functionName;
	}

	/**
	 * Return the HTTP status code: 200 for RequestResponse, 202 for Event, 204 for
	 * DryRun.
	 * @return the status code
	 */
	public int statusCode() {
		return this.statusCode;
	}

	/**
	 * Return the version of the function that ran ({@code X-Amz-Executed-Version}).
	 * @return the executed version, or {@code null} when Lambda did not say
	 */
	public @Nullable String executedVersion() {
		return this.executedVersion;
	}

	/**
	 * Return whether and how the function failed.
	 * @return the function error, {@link FunctionError#NONE} when it did not fail
	 */
	public FunctionError functionError() {
		return this.functionError;
	}

	/**
	 * Whether the function failed.
	 * @return {@code true} when {@code X-Amz-Function-Error} was present
	 */
	public boolean hasFunctionError() {
		return this.functionError != FunctionError.NONE;
	}

	/**
	 * Return the tail of the execution log, decoded from base64, when
	 * {@link LogType#TAIL} was asked for.
	 * @return the log tail or {@code null}
	 */
	public @Nullable String logTail() {
		return this.logTail;
	}

	/**
	 * Return the Lambda request id ({@code x-amzn-RequestId}).
	 * @return the request id or {@code null}
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * Return the payload bytes as received. The array is not copied: do not modify it.
	 * @return the payload bytes, empty when there was no payload
	 */
	public byte[] payloadBytes() {
		return this.payloadBytes;
	}

	/**
	 * Return the payload as UTF-8 text.
	 * @return the payload text
	 */
	public String payloadAsString() {
		return new String(this.payloadBytes, StandardCharsets.UTF_8);
	}

	/**
	 * Return the payload decoded to the requested type.
	 * @return the payload, or {@code null} when there was none or it was JSON
	 * {@code null}
	 */
	public @Nullable T payload() {
		return this.payload;
	}

	/**
	 * Return a response with the same details and another decoded payload.
	 * @param <R> the type of the new payload
	 * @param payload the new payload
	 * @return a new response
	 */
	public <R> LambdaResponse<R> withPayload(@Nullable R payload) {
		return new LambdaResponse<>(this.functionName, this.statusCode, this.executedVersion, this.functionError,
				this.logTail, this.requestId, this.payloadBytes, payload);
	}

	@Override
	public String toString() {
		return "LambdaResponse[function=" + this.functionName + ", status=" + this.statusCode + ", executedVersion="
				+ this.executedVersion + ", functionError=" + this.functionError + ", payloadBytes="
				+ this.payloadBytes.length + "]";
	}

}

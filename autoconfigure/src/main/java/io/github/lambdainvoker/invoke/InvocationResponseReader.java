package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Reads an SDK {@link InvokeResponse} into a {@link LambdaResponse}: decodes the log
 * tail, reads the payload without copying it and turns a function error into a
 * {@link LambdaFunctionException}.
 */
final class InvocationResponseReader {

	private static final byte[] EMPTY = new byte[0];

	private static final int PAYLOAD_PREVIEW_CHARS = 64;

	private final PayloadCodec payloadCodec;

	public InvocationResponseReader(PayloadCodec payloadCodec) {
		this.payloadCodec = payloadCodec;
	}

	/**
	 * Read a response without decoding its payload.
	 * @param invocation the invocation the response answers
	 * @param response the SDK response
	 * @return the response with the raw payload
	 */
	public LambdaResponse<byte[]> readRaw(PreparedInvocation invocation, InvokeResponse response) {
		byte[] bytes = payloadBytes(response);
		return newResponse(invocation, response, FunctionError.fromHeader(response.functionError()), bytes, bytes);
	}

	/**
	 * Read a response and decode its payload.
	 * @param <T> the result type
	 * @param invocation the invocation the response answers
	 * @param response the SDK response
	 * @param reader the reader for the result type
	 * @return the response
	 * @throws LambdaFunctionException if the function failed
	 * @throws LambdaPayloadException if the payload cannot be read as the type
	 */
	public <T> LambdaResponse<T> read(PreparedInvocation invocation, InvokeResponse response, PayloadReader<T> reader) {
		FunctionError functionError = FunctionError.fromHeader(response.functionError());
		if (functionError != FunctionError.NONE) {
			throw functionError(invocation, readRaw(invocation, response));
		}
		// Decoded before the response is built, so that a call makes one response object.
		byte[] bytes = payloadBytes(response);
		return newResponse(invocation, response, functionError, bytes, decode(invocation, bytes, reader));
	}

	/**
	 * Read only the decoded payload of a response, for a call that returns nothing else.
	 * @param <T> the result type
	 * @param invocation the invocation the response answers
	 * @param response the SDK response
	 * @param reader the reader for the result type
	 * @return the decoded payload, or {@code null} when there is none
	 * @throws LambdaFunctionException if the function failed
	 * @throws LambdaPayloadException if the payload cannot be read as the type
	 */
	public <T> @Nullable T readPayload(PreparedInvocation invocation, InvokeResponse response,
			PayloadReader<T> reader) {
		if (response.functionError() != null) {
			return read(invocation, response, reader).payload();
		}
		return decode(invocation, payloadBytes(response), reader);
	}

	private static byte[] payloadBytes(InvokeResponse response) {
		SdkBytes payload = response.payload();
		return (payload != null) ? payload.asByteArrayUnsafe() : EMPTY;
	}

	private static <T> LambdaResponse<T> newResponse(PreparedInvocation invocation, InvokeResponse response,
			FunctionError functionError, byte[] bytes, @Nullable T payload) {
		String logResult = response.logResult();
		return new LambdaResponse<>(invocation.functionName(), response.statusCode(), response.executedVersion(),
				functionError, (logResult != null) ? decodeLogTail(logResult) : null,
				response.responseMetadata().requestId(), bytes, payload);
	}

	private LambdaFunctionException functionError(PreparedInvocation invocation, LambdaResponse<byte[]> raw) {
		LambdaErrorDocument document = LambdaErrorDocument.parse(raw.payloadBytes(), this.payloadCodec.getJsonMapper());
		return new LambdaFunctionException(invocation.functionKey(), invocation.qualifier(), document, raw);
	}

	private <T> @Nullable T decode(PreparedInvocation invocation, byte[] payload, PayloadReader<T> reader) {
		try {
			return reader.read(payload);
		}
		catch (RuntimeException ex) {
			throw unreadable(invocation, payload, ex);
		}
	}

	private static LambdaPayloadException unreadable(PreparedInvocation invocation, byte[] payload,
			RuntimeException ex) {
		return new LambdaPayloadException(
				"Response of function '" + invocation.functionKey() + "' cannot be read: " + ex.getMessage()
						+ "; payload starts with: " + preview(payload),
				invocation.functionKey(), invocation.qualifier(), ex);
	}

	private static String preview(byte[] payload) {
		String text = new String(payload, 0, Math.min(payload.length, PAYLOAD_PREVIEW_CHARS * 4),
				StandardCharsets.UTF_8);
		return (text.length() > PAYLOAD_PREVIEW_CHARS) ? "'" + text.substring(0, PAYLOAD_PREVIEW_CHARS) + "...'"
				: "'" + text + "'";
	}

	static @Nullable String decodeLogTail(@Nullable String logResult) {
		if (logResult == null || logResult.isEmpty()) {
			return null;
		}
		try {
			return new String(Base64.getDecoder().decode(logResult), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return logResult;
		}
	}

}

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
		return readRaw(invocation.function(), invocation.qualifier(), response);
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
		ResolvedFunction function = invocation.function();
		String qualifier = invocation.qualifier();
		FunctionError functionError = FunctionError.fromHeader(response.functionError());
		if (functionError != FunctionError.NONE) {
			throw functionError(function, qualifier, readRaw(function, qualifier, response));
		}
		// Decoded before the response is built, so that a call makes one response object.
		byte[] bytes = payloadBytes(response);
		return newResponse(function, response, functionError, bytes, decode(function, qualifier, bytes, reader));
	}

	/**
	 * Read only the decoded payload of a response, for a call that returns nothing else.
	 * @param <T> the result type
	 * @param function the function called
	 * @param qualifier the qualifier sent, or the one inline in the name, if any
	 * @param response the SDK response
	 * @param reader the reader for the result type
	 * @return the decoded payload, or {@code null} when there is none
	 * @throws LambdaFunctionException if the function failed
	 * @throws LambdaPayloadException if the payload cannot be read as the type
	 */
	public <T> @Nullable T readPayload(ResolvedFunction function, @Nullable String qualifier, InvokeResponse response,
			PayloadReader<T> reader) {
		FunctionError functionError = FunctionError.fromHeader(response.functionError());
		if (functionError != FunctionError.NONE) {
			throw functionError(function, qualifier, readRaw(function, qualifier, response));
		}
		return decode(function, qualifier, payloadBytes(response), reader);
	}

	private static LambdaResponse<byte[]> readRaw(ResolvedFunction function, @Nullable String qualifier,
			InvokeResponse response) {
		byte[] bytes = payloadBytes(response);
		return newResponse(function, response, FunctionError.fromHeader(response.functionError()), bytes, bytes);
	}

	private static byte[] payloadBytes(InvokeResponse response) {
		SdkBytes payload = response.payload();
		return (payload != null) ? payload.asByteArrayUnsafe() : EMPTY;
	}

	private static <T> LambdaResponse<T> newResponse(ResolvedFunction function, InvokeResponse response,
			FunctionError functionError, byte[] bytes, @Nullable T payload) {
		String logResult = response.logResult();
		return new LambdaResponse<>(function.functionName(), response.statusCode(), response.executedVersion(),
				functionError, (logResult != null) ? decodeLogTail(logResult) : null,
				response.responseMetadata().requestId(), bytes, payload);
	}

	private LambdaFunctionException functionError(ResolvedFunction function, @Nullable String qualifier,
			LambdaResponse<byte[]> raw) {
		LambdaErrorDocument document = LambdaErrorDocument.parse(raw.payloadBytes(), this.payloadCodec.getJsonMapper());
		return new LambdaFunctionException(function.key(), qualifier, document, raw);
	}

	private static <T> @Nullable T decode(ResolvedFunction function, @Nullable String qualifier, byte[] payload,
			PayloadReader<T> reader) {
		try {
			return reader.read(payload);
		}
		catch (RuntimeException ex) {
			throw unreadable(function.key(), qualifier, payload, ex);
		}
	}

	private static LambdaPayloadException unreadable(String functionKey, @Nullable String qualifier, byte[] payload,
			RuntimeException ex) {
		return new LambdaPayloadException("Response of function '" + functionKey + "' cannot be read: "
				+ ex.getMessage() + "; payload starts with: " + preview(payload), functionKey, qualifier, ex);
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

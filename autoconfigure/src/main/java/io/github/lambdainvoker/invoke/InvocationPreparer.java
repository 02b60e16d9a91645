package io.github.lambdainvoker.invoke;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

/**
 * Checks a {@link LambdaRequest} against Lambda's formats and limits, writes its payload
 * and builds the SDK request. Nothing is sent when a check fails.
 */
final class InvocationPreparer {

	private final PayloadCodec payloadCodec;

	private final ClientContextEncoder clientContextEncoder;

	private final ClientContextContributor clientContextContributor;

	public InvocationPreparer(PayloadCodec payloadCodec) {
		this(payloadCodec, ClientContextContributor.NONE);
	}

	/**
	 * Create a preparer whose synchronous calls carry contributed client context values.
	 * @param payloadCodec the codec that writes payloads
	 * @param clientContextContributor the contributor of {@code custom} values
	 */
	public InvocationPreparer(PayloadCodec payloadCodec, ClientContextContributor clientContextContributor) {
		this.payloadCodec = payloadCodec;
		this.clientContextEncoder = new ClientContextEncoder(payloadCodec.getJsonMapper());
		this.clientContextContributor = clientContextContributor;
	}

	/**
	 * Validate and prepare a request.
	 * @param function the resolved function the request is for
	 * @param request the request, whose values take precedence over the function's
	 * @return the prepared invocation
	 * @throws LambdaValidationException if the request breaks a Lambda limit or format
	 * @throws LambdaPayloadException if the payload cannot be written
	 */
	public PreparedInvocation prepare(ResolvedFunction function, LambdaRequest request) {
		return prepare(function, request, request.payload());
	}

	/**
	 * Validate and prepare a request whose payload is given apart from its other values,
	 * so that a call with a payload alone needs no request of its own.
	 * @param function the resolved function the request is for
	 * @param request the request whose values other than its payload are sent, and take
	 * precedence over the function's
	 * @param payload the payload to send in place of the request's
	 * @return the prepared invocation
	 * @throws LambdaValidationException if the request breaks a Lambda limit or format
	 * @throws LambdaPayloadException if the payload cannot be written
	 */
	public PreparedInvocation prepare(ResolvedFunction function, LambdaRequest request, @Nullable Object payload) {
		// Kept small, with the rare options out of line, so that the JIT compiler can
		// inline the whole call and keep its short-lived objects off the heap.
		String qualifier = (request.qualifier() != null) ? function.reference().resolveQualifier(request.qualifier())
				: function.qualifier();
		String effectiveQualifier = (qualifier != null) ? qualifier : function.reference().inlineQualifier();
		InvocationType invocationType = (request.invocationType() != null) ? request.invocationType()
				: function.invocationType();
		String logType = (request.logType() != null || function.logType() != LogType.NONE) ? logType(function, request)
				: null;
		String clientContext = (request.clientContext() != null || !function.clientContext().isEmpty()
				|| this.clientContextContributor != ClientContextContributor.NONE)
						? clientContext(function, request, invocationType) : null;
		String tenantId = (request.tenantId() != null)
				? checkTenantId(function.key(), effectiveQualifier, request.tenantId()) : null;
		byte[] bytes = writePayload(payload, function.key(), effectiveQualifier, invocationType);
		// Built in one piece, the SDK request's builder never leaves this method, so the
		// JIT compiler can keep it off the heap.
		InvokeRequest sdkRequest = InvokeRequest.builder()
			.functionName(function.functionName())
			.qualifier(qualifier)
			// RequestResponse is Lambda's default: leaving the header out saves
			// marshalling and signing it on every call.
			.invocationType((invocationType != InvocationType.REQUEST_RESPONSE) ? invocationType.wireValue() : null)
			.logType(logType)
			.clientContext(clientContext)
			.tenantId(tenantId)
			.payload((bytes != null) ? SdkBytes.fromByteArrayUnsafe(bytes) : null)
			.build();
		return new PreparedInvocation(function, effectiveQualifier, invocationType, (bytes != null) ? bytes.length : 0,
				sdkRequest);
	}

	private static @Nullable String logType(ResolvedFunction function, LambdaRequest request) {
		LogType logType = (request.logType() != null) ? request.logType() : function.logType();
		return (logType != LogType.NONE) ? logType.wireValue() : null;
	}

	private @Nullable String clientContext(ResolvedFunction function, LambdaRequest request,
			InvocationType invocationType) {
		ClientContext clientContext = (request.clientContext() != null)
				? function.clientContext().mergedWith(request.clientContext()) : function.clientContext();
		return this.clientContextEncoder.encode(function.key(), clientContext,
				(invocationType == InvocationType.REQUEST_RESPONSE) ? this.clientContextContributor.contribute(function)
						: Map.of());
	}

	private byte @Nullable [] writePayload(@Nullable Object payload, String function, @Nullable String qualifier,
			InvocationType invocationType) {
		int maxBytes = InvocationLimits.maxPayloadBytes(invocationType);
		byte[] bytes;
		try {
			bytes = this.payloadCodec.write(payload, maxBytes);
		}
		catch (RuntimeException ex) {
			throw unwritable(payload, function, qualifier, ex);
		}
		if (bytes != null && bytes.length > maxBytes) {
			throw tooLarge(payload, bytes.length, maxBytes, function, qualifier, invocationType);
		}
		return bytes;
	}

	private static LambdaInvocationException unwritable(@Nullable Object payload, String function,
			@Nullable String qualifier, RuntimeException ex) {
		if (ex instanceof JacksonException jackson) {
			return new LambdaPayloadException(
					"Payload of type " + ((payload != null) ? payload.getClass().getName() : "null") + " for function '"
							+ function + "' cannot be written as JSON: " + jackson.getOriginalMessage(),
					function, qualifier, ex);
		}
		return new LambdaPayloadException("Payload for function '" + function + "' cannot be read: " + ex.getMessage(),
				function, qualifier, ex);
	}

	private static LambdaValidationException tooLarge(@Nullable Object payload, int size, int maxBytes, String function,
			@Nullable String qualifier, InvocationType invocationType) {
		String described = (payload instanceof java.io.InputStream) ? "more than " + maxBytes : String.valueOf(size);
		return new LambdaValidationException(
				"Payload for function '" + function + "' is " + described + " bytes; Lambda accepts at most " + maxBytes
						+ " bytes for " + invocationType.wireValue() + " invocations",
				function, qualifier);
	}

	private static String checkTenantId(String function, @Nullable String qualifier, String tenantId) {
		if (tenantId.isBlank()) {
			throw new LambdaValidationException("Tenant id for function '" + function + "' must not be blank", function,
					qualifier);
		}
		for (int i = 0; i < tenantId.length(); i++) {
			char c = tenantId.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				throw new LambdaValidationException(
						"Tenant id for function '" + function + "' may only contain printable ASCII characters",
						function, qualifier);
			}
		}
		return tenantId;
	}

}

package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Invokes AWS Lambda functions. Thread-safe; one instance serves the whole application.
 * <p>
 * A function is named by a configured key ({@code aws.lambda.functions.<key>}) or by a
 * function name in any of Lambda's formats. Typed calls throw
 * {@link LambdaFunctionException} when the function fails; {@link #exchange} returns the
 * raw response instead. Every call can throw the other subclasses of
 * {@link LambdaInvocationException}.
 *
 * <pre class="code">
 * Quote quote = invoker.invoke("pricing", new QuoteRequest("sku-1", 2), Quote.class);
 * invoker.invokeEvent("audit", new AuditEvent("quoted"));
 * </pre>
 */
public interface LambdaInvoker {

	/**
	 * Invoke a function and read its payload as the given type.
	 * @param <T> the result type
	 * @param request the request
	 * @param resultType the type to read the payload as ({@code byte[]}, {@code String},
	 * {@code InputStream} and {@code Void} are handled without JSON)
	 * @return the response
	 * @throws LambdaFunctionException if the function failed
	 */
	<T> LambdaResponse<T> invoke(LambdaRequest request, Class<T> resultType);

	/**
	 * Invoke a function and read its payload as the given generic type.
	 * @param <T> the result type
	 * @param request the request
	 * @param resultType the type to read the payload as, such as {@code List<Order>}
	 * @return the response
	 * @throws LambdaFunctionException if the function failed
	 */
	<T> LambdaResponse<T> invoke(LambdaRequest request, ParameterizedTypeReference<T> resultType);

	/**
	 * Invoke a function and return the response as it came, without treating a function
	 * error as an exception.
	 * @param request the request
	 * @return the response, whose payload is the raw bytes
	 */
	LambdaResponse<byte[]> exchange(LambdaRequest request);

	/**
	 * Invoke a function without blocking, through the asynchronous SDK client when one is
	 * configured.
	 * @param <T> the result type
	 * @param request the request
	 * @param resultType the type to read the payload as
	 * @return a future completed with the response, or exceptionally with a
	 * {@link LambdaInvocationException}
	 */
	<T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request, Class<T> resultType);

	/**
	 * Invoke a function without blocking and read its payload as a generic type.
	 * @param <T> the result type
	 * @param request the request
	 * @param resultType the type to read the payload as
	 * @return a future completed with the response, or exceptionally with a
	 * {@link LambdaInvocationException}
	 */
	<T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request,
			ParameterizedTypeReference<T> resultType);

	/**
	 * Invoke a function with response streaming ({@code InvokeWithResponseStream}) and
	 * read its response as it is produced. The future completes as soon as Lambda starts
	 * answering; each read then returns the bytes of the chunks received so far, blocking
	 * for the next one. A function error reported at the end of the stream is thrown by
	 * the read that reaches it as a {@link LambdaFunctionException}, as for
	 * {@link #invoke}. Closing the stream before its end cancels the call and releases
	 * its connection; so does cancelling the future. Needs the asynchronous SDK client;
	 * streamed calls are not retried. Only {@code RequestResponse} and {@code DryRun}
	 * invocations can stream.
	 * @param request the request
	 * @return a future completed with the response body, to be closed by the caller, or
	 * exceptionally with a {@link LambdaInvocationException}
	 */
	default CompletableFuture<InputStream> invokeStream(LambdaRequest request) {
		return CompletableFuture.failedFuture(
				new UnsupportedOperationException(getClass().getName() + " does not support response streaming"));
	}

	/**
	 * Prepare calls of one function that will be made many times with the same result
	 * type, such as the calls of one {@code @LambdaClient} method: the invoker may
	 * resolve the function and choose the payload reader once, here, and fail here when
	 * the function cannot be resolved. The default implementation resolves nothing ahead:
	 * each call goes to {@link #invoke(LambdaRequest, ParameterizedTypeReference)} and
	 * its siblings, with the declared options filled into the request where it leaves
	 * them unset.
	 * @param <T> the result type
	 * @param template the request every call starts from: the function, and any value all
	 * calls share, such as a qualifier
	 * @param declared options declared in code, which configured settings of the function
	 * override
	 * @param resultType the type to read payloads as
	 * @return the prepared calls
	 * @throws LambdaValidationException if the function cannot be resolved
	 */
	default <T> PreparedCall<T> prepare(LambdaRequest template, FunctionOptions declared, Type resultType) {
		return new DelegatingPreparedCall<>(this, template, declared, ParameterizedTypeReference.forType(resultType));
	}

	/**
	 * Invoke a function synchronously with a payload and return its result.
	 * @param <T> the result type
	 * @param function a configured function key or a function name
	 * @param payload the payload, or {@code null} for none
	 * @param resultType the type to read the payload as
	 * @return the result, or {@code null} when the function returned none
	 */
	default <T> @Nullable T invoke(String function, @Nullable Object payload, Class<T> resultType) {
		return invoke(LambdaRequest.of(function, payload), resultType).payload();
	}

	/**
	 * Invoke a function synchronously with a payload and return its generic result.
	 * @param <T> the result type
	 * @param function a configured function key or a function name
	 * @param payload the payload, or {@code null} for none
	 * @param resultType the type to read the payload as
	 * @return the result, or {@code null} when the function returned none
	 */
	default <T> @Nullable T invoke(String function, @Nullable Object payload,
			ParameterizedTypeReference<T> resultType) {
		return invoke(LambdaRequest.of(function, payload), resultType).payload();
	}

	/**
	 * Invoke a function asynchronously on Lambda's side (invocation type {@code Event}):
	 * returns once Lambda has queued the event.
	 * @param function a configured function key or a function name
	 * @param payload the payload, or {@code null} for none
	 * @return the response, with status 202
	 */
	default LambdaResponse<Void> invokeEvent(String function, @Nullable Object payload) {
		return invoke(LambdaRequest.builder(function).invocationType(InvocationType.EVENT).payload(payload).build(),
				Void.class);
	}

	/**
	 * Check that the function exists and that the caller may invoke it, without running
	 * it (invocation type {@code DryRun}).
	 * @param function a configured function key or a function name
	 * @return the response, with status 204
	 */
	default LambdaResponse<Void> dryRun(String function) {
		return invoke(LambdaRequest.builder(function).invocationType(InvocationType.DRY_RUN).build(), Void.class);
	}

	/**
	 * Invoke a function without blocking and return its result.
	 * @param <T> the result type
	 * @param function a configured function key or a function name
	 * @param payload the payload, or {@code null} for none
	 * @param resultType the type to read the payload as
	 * @return a future completed with the result
	 */
	default <T> CompletableFuture<@Nullable T> invokeAsync(String function, @Nullable Object payload,
			Class<T> resultType) {
		return CancellationForwardingFuture.thenApply(invokeAsync(LambdaRequest.of(function, payload), resultType),
				LambdaResponse::payload);
	}

}

package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Calls of one function, prepared once and made many times: the function is resolved and
 * the reader of its result chosen when the call is prepared, so that each call only
 * builds its request. {@link io.github.lambdainvoker.client.LambdaClient @LambdaClient}
 * proxies prepare one per method at start-up through
 * {@link LambdaInvoker#prepare(LambdaRequest, FunctionOptions, java.lang.reflect.Type)}.
 * <p>
 * Every request given to a prepared call must name the function it was prepared for.
 * Implementations are thread-safe.
 *
 * @param <T> the result type
 */
public interface PreparedCall<T> {

	/**
	 * Return the invocation type calls use unless their request names another.
	 * @return the invocation type
	 */
	InvocationType invocationType();

	/**
	 * Invoke the function and read its payload.
	 * @param request the request
	 * @return the response
	 * @throws LambdaFunctionException if the function failed
	 * @see LambdaInvoker#invoke(LambdaRequest, Class)
	 */
	LambdaResponse<T> invoke(LambdaRequest request);

	/**
	 * Invoke the function with the given payload and the values of the request the call
	 * was prepared from, and return only the result: the same call as {@link #invoke}
	 * with that request and payload, without a request or response object of its own.
	 * @param payload the payload, or {@code null} for none
	 * @return the result, or {@code null} when the function returned none
	 * @throws LambdaFunctionException if the function failed
	 * @see LambdaInvoker#invoke(String, Object, Class)
	 */
	@Nullable T call(@Nullable Object payload);

	/**
	 * Invoke the function without blocking.
	 * @param request the request
	 * @return a future completed with the response, or exceptionally with a
	 * {@link LambdaInvocationException}
	 * @see LambdaInvoker#invokeAsync(LambdaRequest, Class)
	 */
	CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request);

	/**
	 * Invoke the function with response streaming.
	 * @param request the request
	 * @return a future completed with the response body
	 * @see LambdaInvoker#invokeStream(LambdaRequest)
	 */
	CompletableFuture<InputStream> invokeStream(LambdaRequest request);

}

package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * {@link LambdaInvoker} over the AWS SDK's {@link LambdaClient} and, when given, its
 * {@link LambdaAsyncClient}. Without an asynchronous client, asynchronous calls run the
 * synchronous client on the given executor. Every call, whichever method starts it, is
 * reported to the {@link InvocationObserver} and, once validated, runs inside the
 * {@link Bulkhead} of its function.
 */
public class DefaultLambdaInvoker implements LambdaInvoker {

	private static final Log logger = LogFactory.getLog(DefaultLambdaInvoker.class);

	private final LambdaClient client;

	private final @Nullable LambdaAsyncClient asyncClient;

	private final Executor asyncExecutor;

	private final PayloadCodec payloadCodec;

	private final FunctionRegistry functionRegistry;

	private final RetryExecutor retryExecutor;

	private final InvocationPreparer preparer;

	private final InvocationResponseReader responseReader;

	private final InvocationObserver observer;

	private final Bulkhead bulkhead;

	private final LambdaExceptionTranslator exceptionTranslator = new LambdaExceptionTranslator();

	private final @Nullable ResponseStreamInvoker responseStreamInvoker;

	public DefaultLambdaInvoker(LambdaClient client, @Nullable LambdaAsyncClient asyncClient, PayloadCodec payloadCodec,
			FunctionRegistry functionRegistry, RetryExecutor retryExecutor, Executor asyncExecutor) {
		this(client, asyncClient, payloadCodec, functionRegistry, retryExecutor, asyncExecutor,
				InvocationObserver.NONE);
	}

	public DefaultLambdaInvoker(LambdaClient client, @Nullable LambdaAsyncClient asyncClient, PayloadCodec payloadCodec,
			FunctionRegistry functionRegistry, RetryExecutor retryExecutor, Executor asyncExecutor,
			InvocationObserver observer) {
		this(client, asyncClient, payloadCodec, functionRegistry, retryExecutor, asyncExecutor, observer,
				new SemaphoreBulkhead(), ClientContextContributor.NONE);
	}

	/**
	 * Create an invoker with every collaborator.
	 * @param client the synchronous SDK client
	 * @param asyncClient the asynchronous SDK client, or {@code null}
	 * @param payloadCodec the codec that writes and reads payloads
	 * @param functionRegistry the registry that resolves function keys
	 * @param retryExecutor the executor of retries
	 * @param asyncExecutor the executor of asynchronous calls without an asynchronous
	 * client
	 * @param observer the observer of every call
	 * @param bulkhead the bulkhead that limits concurrent calls per function
	 * @param clientContextContributor the contributor of client context values, such as
	 * the current trace context
	 */
	public DefaultLambdaInvoker(LambdaClient client, @Nullable LambdaAsyncClient asyncClient, PayloadCodec payloadCodec,
			FunctionRegistry functionRegistry, RetryExecutor retryExecutor, Executor asyncExecutor,
			InvocationObserver observer, Bulkhead bulkhead, ClientContextContributor clientContextContributor) {
		this.client = client;
		this.functionRegistry = functionRegistry;
		this.retryExecutor = retryExecutor;
		this.asyncClient = asyncClient;
		this.asyncExecutor = asyncExecutor;
		this.payloadCodec = payloadCodec;
		this.preparer = new InvocationPreparer(payloadCodec, clientContextContributor);
		this.responseReader = new InvocationResponseReader(payloadCodec);
		this.observer = observer;
		this.bulkhead = bulkhead;
		this.responseStreamInvoker = (asyncClient != null)
				? new ResponseStreamInvoker(asyncClient, payloadCodec.getJsonMapper()) : null;
	}

	/**
	 * Return the codec that writes and reads payloads.
	 * @return the payload codec
	 */
	public PayloadCodec getPayloadCodec() {
		return this.payloadCodec;
	}

	@Override
	public <T> LambdaResponse<T> invoke(LambdaRequest request, Class<T> resultType) {
		return invoke(request, this.payloadCodec.<T>reader(resultType));
	}

	@Override
	public <T> LambdaResponse<T> invoke(LambdaRequest request, ParameterizedTypeReference<T> resultType) {
		return invoke(request, this.payloadCodec.<T>reader(resultType.getType()));
	}

	/**
	 * Return the registry that resolves function keys.
	 * @return the function registry
	 */
	public FunctionRegistry getFunctionRegistry() {
		return this.functionRegistry;
	}

	private <T> LambdaResponse<T> invoke(LambdaRequest request, PayloadReader<T> reader) {
		return invoke(this.functionRegistry.resolve(request.function()), request, reader);
	}

	/**
	 * Invoke a function resolved beforehand and read its payload with a reader obtained
	 * beforehand: the fast path for callers that prepare once and call many times.
	 * @param <T> the result type
	 * @param function the resolved function
	 * @param request the per-call values, which take precedence over the function's
	 * @param reader the payload reader
	 * @return the response
	 */
	public <T> LambdaResponse<T> invoke(ResolvedFunction function, LambdaRequest request, PayloadReader<T> reader) {
		return observe(function, request, (invocation) -> this.retryExecutor.execute(invocation,
				(sdkRequest) -> this.responseReader.read(invocation, send(invocation, sdkRequest), reader)));
	}

	@Override
	public LambdaResponse<byte[]> exchange(LambdaRequest request) {
		return observe(this.functionRegistry.resolve(request.function()), request,
				(invocation) -> this.retryExecutor.execute(invocation,
						(sdkRequest) -> this.responseReader.readRaw(invocation, send(invocation, sdkRequest))));
	}

	@Override
	public <T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request, Class<T> resultType) {
		return invokeAsync(request, this.payloadCodec.<T>reader(resultType));
	}

	@Override
	public <T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request,
			ParameterizedTypeReference<T> resultType) {
		return invokeAsync(request, this.payloadCodec.<T>reader(resultType.getType()));
	}

	private <T> CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request, PayloadReader<T> reader) {
		ResolvedFunction function;
		try {
			function = this.functionRegistry.resolve(request.function());
		}
		catch (LambdaInvocationException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return invokeAsync(function, request, reader);
	}

	/**
	 * Invoke a function resolved beforehand without blocking, reading its payload with a
	 * reader obtained beforehand.
	 * @param <T> the result type
	 * @param function the resolved function
	 * @param request the per-call values, which take precedence over the function's
	 * @param reader the payload reader
	 * @return a future completed with the response
	 */
	public <T> CompletableFuture<LambdaResponse<T>> invokeAsync(ResolvedFunction function, LambdaRequest request,
			PayloadReader<T> reader) {
		return observeAsync(function, request,
				(invocation) -> this.retryExecutor.executeAsync(invocation,
						(sdkRequest) -> sendAsync(invocation, sdkRequest)
							.thenApply((response) -> this.responseReader.read(invocation, response, reader))));
	}

	@Override
	public CompletableFuture<InputStream> invokeStream(LambdaRequest request) {
		ResolvedFunction function;
		try {
			function = this.functionRegistry.resolve(request.function());
		}
		catch (LambdaInvocationException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return invokeStream(function, request);
	}

	/**
	 * Invoke a function resolved beforehand with response streaming.
	 * @param function the resolved function
	 * @param request the per-call values, which take precedence over the function's
	 * @return a future completed with the response body
	 * @see LambdaInvoker#invokeStream(LambdaRequest)
	 */
	public CompletableFuture<InputStream> invokeStream(ResolvedFunction function, LambdaRequest request) {
		if (this.responseStreamInvoker == null) {
			return CompletableFuture.failedFuture(new UnsupportedOperationException(
					"Response streaming needs the asynchronous SDK client (software.amazon.awssdk:netty-nio-client)"));
		}
		PreparedInvocation invocation;
		try {
			invocation = this.preparer.prepare(function, request);
		}
		catch (LambdaInvocationException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		logSending(invocation);
		return this.responseStreamInvoker.invoke(invocation);
	}

	private <T> LambdaResponse<T> observe(ResolvedFunction function, LambdaRequest request,
			Function<PreparedInvocation, LambdaResponse<T>> call) {
		InvocationObserver.Observed observed = this.observer.start(function, request);
		@Nullable LambdaResponse<T> response = null;
		@Nullable Throwable failure = null;
		try (InvocationObserver.Scope scope = observed.openScope()) {
			PreparedInvocation invocation = this.preparer.prepare(function, request);
			observed.prepared(invocation);
			response = this.bulkhead.execute(invocation, () -> call.apply(invocation));
			return response;
		}
		catch (RuntimeException | Error ex) {
			failure = ex;
			throw ex;
		}
		finally {
			observed.stop(response, failure);
		}
	}

	private <T> CompletableFuture<LambdaResponse<T>> observeAsync(ResolvedFunction function, LambdaRequest request,
			Function<PreparedInvocation, CompletableFuture<LambdaResponse<T>>> call) {
		InvocationObserver.Observed observed = this.observer.start(function, request);
		CompletableFuture<LambdaResponse<T>> result;
		try (InvocationObserver.Scope scope = observed.openScope()) {
			PreparedInvocation invocation = this.preparer.prepare(function, request);
			observed.prepared(invocation);
			result = this.bulkhead.executeAsync(invocation, () -> call.apply(invocation));
		}
		catch (LambdaInvocationException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		catch (RuntimeException | Error ex) {
			observed.stop(null, ex);
			throw ex;
		}
		return (observed != InvocationObserver.Observed.NONE)
				? CancellationForwardingFuture.whenComplete(result, observed::stop) : result;
	}

	private InvokeResponse send(PreparedInvocation invocation, InvokeRequest sdkRequest) {
		logSending(invocation);
		try {
			return this.client.invoke(sdkRequest);
		}
		catch (RuntimeException ex) {
			throw this.exceptionTranslator.translate(ex, invocation.functionKey(), invocation.qualifier());
		}
	}

	private CompletableFuture<InvokeResponse> sendAsync(PreparedInvocation invocation, InvokeRequest sdkRequest) {
		if (this.asyncClient == null) {
			return CompletableFuture.supplyAsync(() -> send(invocation, sdkRequest), this.asyncExecutor);
		}
		logSending(invocation);
		CompletableFuture<InvokeResponse> future;
		try {
			future = this.asyncClient.invoke(sdkRequest);
		}
		catch (RuntimeException ex) {
			future = CompletableFuture.failedFuture(ex);
		}
		return future.exceptionallyCompose(translateAsync(invocation));
	}

	private Function<Throwable, CompletableFuture<InvokeResponse>> translateAsync(PreparedInvocation invocation) {
		return (ex) -> CompletableFuture
			.failedFuture(this.exceptionTranslator.translate(ex, invocation.functionKey(), invocation.qualifier()));
	}

	private static void logSending(PreparedInvocation invocation) {
		if (logger.isDebugEnabled()) {
			logger.debug("Invoking function '" + invocation.functionName() + "' qualifier=" + invocation.qualifier()
					+ " type=" + invocation.invocationType().wireValue() + " payloadBytes=" + invocation.payloadSize());
		}
	}

}

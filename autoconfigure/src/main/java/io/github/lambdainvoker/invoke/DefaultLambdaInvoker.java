package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link LambdaInvoker} over the AWS SDK's {@link LambdaClient} and, when given, its
 * {@link LambdaAsyncClient}. A function resolved with a {@link LambdaRoute} is called
 * through the route's clients, any other through the invoker's default route. Without an
 * asynchronous client, asynchronous calls run the synchronous client on the given
 * executor. Every call, whichever method starts it, is reported to the
 * {@link InvocationObserver} and, once validated, runs inside the {@link Bulkhead} of its
 * function. Built with {@link #builder(LambdaClient)} or {@link #builder(LambdaRoute)}.
 */
public class DefaultLambdaInvoker implements LambdaInvoker {

	private static final Log logger = LogFactory.getLog(DefaultLambdaInvoker.class);

	/** The values of a request that sets none but its function and payload. */
	private static final LambdaRequest NO_OPTIONS = LambdaRequest.of("payload-only", null);

	private final LambdaRoute defaultRoute;

	private final Executor asyncExecutor;

	private final PayloadCodec payloadCodec;

	private final FunctionRegistry functionRegistry;

	private final RetryExecutor retryExecutor;

	private final InvocationPreparer preparer;

	private final InvocationResponseReader responseReader;

	private final InvocationObserver observer;

	private final Bulkhead bulkhead;

	private final LambdaExceptionTranslator exceptionTranslator = LambdaExceptionTranslator.INSTANCE;

	private final ResponseStreamInvoker responseStreamInvoker;

	private DefaultLambdaInvoker(Builder builder) {
		this.defaultRoute = (builder.route != null) ? builder.route
				: new FixedLambdaRoute(builder.client, builder.asyncClient);
		this.asyncExecutor = builder.asyncExecutor;
		this.payloadCodec = new PayloadCodec(builder.jsonMapper);
		this.functionRegistry = builder.functionRegistry;
		this.retryExecutor = builder.retryExecutor;
		this.preparer = new InvocationPreparer(this.payloadCodec, builder.clientContextContributor);
		this.responseReader = new InvocationResponseReader(this.payloadCodec);
		this.observer = builder.observer;
		this.bulkhead = builder.bulkhead;
		this.responseStreamInvoker = new ResponseStreamInvoker(this.payloadCodec.getJsonMapper());
	}

	/**
	 * Start building an invoker over the given synchronous SDK client.
	 * @param client the synchronous SDK client
	 * @return a builder
	 */
	public static Builder builder(LambdaClient client) {
		Assert.notNull(client, "'client' must not be null");
		return new Builder(client, null);
	}

	/**
	 * Start building an invoker whose functions without a route of their own go through
	 * the given default route, whose asynchronous client may be built on first use.
	 * @param defaultRoute the clients of functions resolved without a route
	 * @return a builder
	 */
	public static Builder builder(LambdaRoute defaultRoute) {
		Assert.notNull(defaultRoute, "'defaultRoute' must not be null");
		return new Builder(defaultRoute.client(), defaultRoute);
	}

	@Override
	public <T> LambdaResponse<T> invoke(LambdaRequest request, Class<T> resultType) {
		return invoke(request, this.payloadCodec.<T>reader(resultType));
	}

	@Override
	public <T> LambdaResponse<T> invoke(LambdaRequest request, ParameterizedTypeReference<T> resultType) {
		return invoke(request, this.payloadCodec.<T>reader(resultType.getType()));
	}

	private <T> LambdaResponse<T> invoke(LambdaRequest request, PayloadReader<T> reader) {
		return invoke(this.functionRegistry.resolve(request.function()), request, reader);
	}

	@Override
	public <T> @Nullable T invoke(String function, @Nullable Object payload, Class<T> resultType) {
		return invokeForPayload(function, payload, this.payloadCodec.<T>reader(resultType));
	}

	@Override
	public <T> @Nullable T invoke(String function, @Nullable Object payload, ParameterizedTypeReference<T> resultType) {
		return invokeForPayload(function, payload, this.payloadCodec.<T>reader(resultType.getType()));
	}

	private <T> @Nullable T invokeForPayload(String function, @Nullable Object payload, PayloadReader<T> reader) {
		if (this.observer != InvocationObserver.NONE) {
			return invoke(LambdaRequest.of(function, payload), reader).payload();
		}
		return invokeForPayload(this.functionRegistry.resolve(function), NO_OPTIONS, payload, reader);
	}

	/**
	 * Run a blocking call that returns only its result's payload, which needs neither a
	 * request nor a response object. Only for calls nobody observes: an observer is told
	 * of both.
	 */
	private <T> @Nullable T invokeForPayload(ResolvedFunction function, LambdaRequest options, @Nullable Object payload,
			PayloadReader<T> reader) {
		PreparedInvocation invocation = this.preparer.prepare(function, options, payload);
		return callForPayload(invocation, new PayloadAttempt<>(invocation, reader));
	}

	/**
	 * Make the attempts of a call that returns only its result's payload, within its
	 * function's bulkhead if that limits the function.
	 */
	private <T> @Nullable T callForPayload(PreparedInvocation invocation, PayloadAttempt<T> attempt) {
		if (!this.bulkhead.limits(invocation.function())) {
			return this.retryExecutor.execute(invocation, attempt);
		}
		return this.bulkhead.execute(invocation, () -> this.retryExecutor.execute(invocation, attempt));
	}

	/**
	 * Prepare calls of one function: resolve it through the {@link FunctionRegistry},
	 * check the template's qualifier against its name, and choose the payload reader, all
	 * once.
	 * @throws LambdaValidationException if the function cannot be resolved or the
	 * template's qualifier conflicts with it
	 */
	@Override
	public <T> PreparedCall<T> prepare(LambdaRequest template, FunctionOptions declared, Type resultType) {
		ResolvedFunction function = this.functionRegistry.resolve(template.function(), declared);
		if (template.qualifier() != null) {
			function.reference().resolveQualifier(template.qualifier());
		}
		return new ResolvedCall<>(function, template, this.payloadCodec.reader(resultType));
	}

	private <T> LambdaResponse<T> invoke(ResolvedFunction function, LambdaRequest request, PayloadReader<T> reader) {
		return observe(function, request, reader);
	}

	@Override
	public LambdaResponse<byte[]> exchange(LambdaRequest request) {
		return observe(this.functionRegistry.resolve(request.function()), request, null);
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

	private <T> CompletableFuture<LambdaResponse<T>> invokeAsync(ResolvedFunction function, LambdaRequest request,
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

	private CompletableFuture<InputStream> invokeStream(ResolvedFunction function, LambdaRequest request) {
		LambdaAsyncClient asyncClient;
		try {
			asyncClient = route(function).asyncClient();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		if (asyncClient == null) {
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
		logSending(function, invocation.qualifier(), invocation.sdkRequest());
		return this.responseStreamInvoker.invoke(invocation, asyncClient);
	}

	/**
	 * Run a blocking call: validate and prepare it, then make its attempts within its
	 * function's bulkhead, reading each response with the reader, or as raw bytes without
	 * one.
	 */
	private <T> LambdaResponse<T> observe(ResolvedFunction function, LambdaRequest request,
			@Nullable PayloadReader<T> reader) {
		if (this.observer == InvocationObserver.NONE) {
			PreparedInvocation invocation = this.preparer.prepare(function, request);
			return this.bulkhead.execute(invocation, new BlockingCall<LambdaResponse<T>>(invocation, reader));
		}
		InvocationObserver.Observed observed = this.observer.start(function, request);
		@Nullable LambdaResponse<T> response = null;
		@Nullable Throwable failure = null;
		try (InvocationObserver.Scope scope = observed.openScope()) {
			PreparedInvocation invocation = this.preparer.prepare(function, request);
			observed.prepared(invocation);
			response = this.bulkhead.execute(invocation, new BlockingCall<LambdaResponse<T>>(invocation, reader));
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
		return send(invocation.function(), invocation.qualifier(), sdkRequest);
	}

	private InvokeResponse send(ResolvedFunction function, @Nullable String qualifier, InvokeRequest sdkRequest) {
		logSending(function, qualifier, sdkRequest);
		try {
			return route(function).client().invoke(sdkRequest);
		}
		catch (RuntimeException ex) {
			throw this.exceptionTranslator.translate(ex, function.key(), qualifier);
		}
	}

	private CompletableFuture<InvokeResponse> sendAsync(PreparedInvocation invocation, InvokeRequest sdkRequest) {
		LambdaAsyncClient asyncClient;
		try {
			asyncClient = route(invocation.function()).asyncClient();
		}
		catch (RuntimeException ex) {
			return CompletableFuture
				.failedFuture(this.exceptionTranslator.translate(ex, invocation.functionKey(), invocation.qualifier()));
		}
		if (asyncClient == null) {
			return CompletableFuture.supplyAsync(() -> send(invocation, sdkRequest), this.asyncExecutor);
		}
		logSending(invocation.function(), invocation.qualifier(), sdkRequest);
		CompletableFuture<InvokeResponse> future;
		try {
			future = asyncClient.invoke(sdkRequest);
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

	private LambdaRoute route(ResolvedFunction function) {
		LambdaRoute route = function.route();
		return (route != null) ? route : this.defaultRoute;
	}

	private static void logSending(ResolvedFunction function, @Nullable String qualifier, InvokeRequest sdkRequest) {
		if (logger.isDebugEnabled()) {
			String type = sdkRequest.invocationTypeAsString();
			SdkBytes payload = sdkRequest.payload();
			logger.debug("Invoking function '" + function.functionName() + "' qualifier=" + qualifier + " type="
					+ ((type != null) ? type : InvocationType.REQUEST_RESPONSE.wireValue()) + " payloadBytes="
					+ ((payload != null) ? payload.asByteArrayUnsafe().length : 0));
		}
	}

	/**
	 * The attempts of one blocking call, as the bulkhead runs them and as the retry
	 * executor makes each: one object per call rather than a lambda for each step. Its
	 * result is the response, or the raw response of an exchange, which has no reader.
	 */
	private final class BlockingCall<R> implements Supplier<R>, Function<InvokeRequest, R> {

		private final PreparedInvocation invocation;

		private final @Nullable PayloadReader<?> reader;

		BlockingCall(PreparedInvocation invocation, @Nullable PayloadReader<?> reader) {
			this.invocation = invocation;
			this.reader = reader;
		}

		@Override
		public R get() {
			return DefaultLambdaInvoker.this.retryExecutor.execute(this.invocation, this);
		}

		@Override
		@SuppressWarnings("unchecked")
		public R apply(InvokeRequest sdkRequest) {
			InvokeResponse response = send(this.invocation, sdkRequest);
			InvocationResponseReader responseReader = DefaultLambdaInvoker.this.responseReader;
			return (R) ((this.reader != null) ? responseReader.read(this.invocation, response, this.reader)
					: responseReader.readRaw(this.invocation, response));
		}

	}

	/**
	 * An attempt of a blocking call whose result is only the decoded payload. It keeps
	 * nothing of any one call, so that a prepared call, whose calls all have the same
	 * function and qualifier, makes one for all of them.
	 */
	private final class PayloadAttempt<T> implements Function<InvokeRequest, @Nullable T> {

		private final ResolvedFunction function;

		private final @Nullable String qualifier;

		private final PayloadReader<T> reader;

		PayloadAttempt(PreparedInvocation invocation, PayloadReader<T> reader) {
			this.function = invocation.function();
			this.qualifier = invocation.qualifier();
			this.reader = reader;
		}

		@Override
		public @Nullable T apply(InvokeRequest sdkRequest) {
			return DefaultLambdaInvoker.this.responseReader.readPayload(this.function, this.qualifier,
					send(this.function, this.qualifier, sdkRequest), this.reader);
		}

	}

	/**
	 * Calls of a function resolved once, with the payload reader chosen once.
	 */
	private final class ResolvedCall<T> implements PreparedCall<T> {

		private final ResolvedFunction function;

		private final LambdaRequest template;

		private final PayloadReader<T> reader;

		// Whether the template holds nothing but the function name.
		private final boolean bareTemplate;

		// Made by the first call that returns only a payload; a race makes a spare one.
		private @Nullable PayloadAttempt<T> payloadAttempt;

		ResolvedCall(ResolvedFunction function, LambdaRequest template, PayloadReader<T> reader) {
			this.function = function;
			this.template = template;
			this.reader = reader;
			this.bareTemplate = template.qualifier() == null && template.invocationType() == null
					&& template.logType() == null && template.clientContext() == null && template.tenantId() == null;
		}

		@Override
		public InvocationType invocationType() {
			return this.function.invocationType();
		}

		@Override
		public LambdaResponse<T> invoke(LambdaRequest request) {
			return DefaultLambdaInvoker.this.invoke(this.function, request, this.reader);
		}

		@Override
		public @Nullable T call(@Nullable Object payload) {
			if (DefaultLambdaInvoker.this.observer != InvocationObserver.NONE) {
				// An observer is told of the request.
				LambdaRequest request = this.bareTemplate ? LambdaRequest.of(this.template.function(), payload)
						: this.template.mutate().payload(payload).build();
				return invoke(request).payload();
			}
			PreparedInvocation invocation = DefaultLambdaInvoker.this.preparer.prepare(this.function, this.template,
					payload);
			PayloadAttempt<T> attempt = this.payloadAttempt;
			if (attempt == null) {
				// Every call of this template has the same function and qualifier.
				attempt = new PayloadAttempt<>(invocation, this.reader);
				this.payloadAttempt = attempt;
			}
			return callForPayload(invocation, attempt);
		}

		@Override
		public CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request) {
			return DefaultLambdaInvoker.this.invokeAsync(this.function, request, this.reader);
		}

		@Override
		public CompletableFuture<InputStream> invokeStream(LambdaRequest request) {
			return DefaultLambdaInvoker.this.invokeStream(this.function, request);
		}

	}

	/**
	 * Builds a {@link DefaultLambdaInvoker}. Only the synchronous SDK client is required;
	 * every other collaborator has a default that makes one attempt per call and observes
	 * nothing.
	 */
	public static final class Builder {

		private final LambdaClient client;

		private final @Nullable LambdaRoute route;

		private @Nullable LambdaAsyncClient asyncClient;

		private Executor asyncExecutor = ForkJoinPool.commonPool();

		private JsonMapper jsonMapper = JsonMapper.shared();

		private FunctionRegistry functionRegistry = FunctionRegistry.NAMES_ONLY;

		private RetryExecutor retryExecutor = RetryExecutor.SINGLE_ATTEMPT;

		private InvocationObserver observer = InvocationObserver.NONE;

		private Bulkhead bulkhead = new SemaphoreBulkhead();

		private ClientContextContributor clientContextContributor = ClientContextContributor.NONE;

		private Builder(LambdaClient client, @Nullable LambdaRoute route) {
			this.client = client;
			this.route = route;
		}

		/**
		 * Set the asynchronous SDK client that asynchronous and streamed calls use, for a
		 * builder made from a synchronous client. Without one, asynchronous calls run the
		 * synchronous client on the {@link #asyncExecutor(Executor) executor}, and
		 * streaming is not available.
		 * @param asyncClient the asynchronous client, or {@code null} for none
		 * @return this builder
		 */
		public Builder asyncClient(@Nullable LambdaAsyncClient asyncClient) {
			Assert.state(this.route == null, "The asynchronous client of a builder made from a route is the route's");
			this.asyncClient = asyncClient;
			return this;
		}

		/**
		 * Set the executor that runs asynchronous calls when there is no asynchronous SDK
		 * client. Defaults to the common fork-join pool; give an executor of your own
		 * (such as a virtual-thread executor) for calls that block.
		 * @param asyncExecutor the executor
		 * @return this builder
		 */
		public Builder asyncExecutor(Executor asyncExecutor) {
			Assert.notNull(asyncExecutor, "'asyncExecutor' must not be null");
			this.asyncExecutor = asyncExecutor;
			return this;
		}

		/**
		 * Set the Jackson mapper that writes and reads JSON payloads. Defaults to
		 * {@link JsonMapper#shared()}.
		 * @param jsonMapper the mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Set the registry that resolves function keys to their settings. Defaults to
		 * {@link FunctionRegistry#NAMES_ONLY}: every key is a function name.
		 * @param functionRegistry the registry
		 * @return this builder
		 */
		public Builder functionRegistry(FunctionRegistry functionRegistry) {
			Assert.notNull(functionRegistry, "'functionRegistry' must not be null");
			this.functionRegistry = functionRegistry;
			return this;
		}

		/**
		 * Set what runs the attempts of a call. Defaults to
		 * {@link RetryExecutor#SINGLE_ATTEMPT}.
		 * @param retryExecutor the retry executor
		 * @return this builder
		 */
		public Builder retryExecutor(RetryExecutor retryExecutor) {
			Assert.notNull(retryExecutor, "'retryExecutor' must not be null");
			this.retryExecutor = retryExecutor;
			return this;
		}

		/**
		 * Set the observer of every call. Defaults to {@link InvocationObserver#NONE}.
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(InvocationObserver observer) {
			Assert.notNull(observer, "'observer' must not be null");
			this.observer = observer;
			return this;
		}

		/**
		 * Set the bulkhead that limits concurrent calls per function. Defaults to a
		 * bulkhead that applies each function's {@link BulkheadSettings}.
		 * @param bulkhead the bulkhead
		 * @return this builder
		 */
		public Builder bulkhead(Bulkhead bulkhead) {
			Assert.notNull(bulkhead, "'bulkhead' must not be null");
			this.bulkhead = bulkhead;
			return this;
		}

		/**
		 * Set the contributor of client context values added to synchronous calls, such
		 * as the current trace context. Defaults to
		 * {@link ClientContextContributor#NONE}.
		 * @param clientContextContributor the contributor
		 * @return this builder
		 */
		public Builder clientContextContributor(ClientContextContributor clientContextContributor) {
			Assert.notNull(clientContextContributor, "'clientContextContributor' must not be null");
			this.clientContextContributor = clientContextContributor;
			return this;
		}

		/**
		 * Build the invoker.
		 * @return the invoker
		 */
		public DefaultLambdaInvoker build() {
			return new DefaultLambdaInvoker(this);
		}

	}

}

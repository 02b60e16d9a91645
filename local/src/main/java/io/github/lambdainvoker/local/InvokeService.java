package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.ClientContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Invoke operation: resolves the function version a request names, checks the request
 * as Lambda does, then runs the handler now ({@code RequestResponse}), later
 * ({@code Event}) or not at all ({@code DryRun}).
 */
final class InvokeService implements InvokeHttpHandler.Operation {

	private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

	private final FunctionRegistry registry;

	private final InvocationRunner runner;

	private final EventQueue events;

	private final JsonMapper jsonMapper;

	private final ClientContextDecoder clientContextDecoder;

	InvokeService(FunctionRegistry registry, InvocationRunner runner, EventQueue events, JsonMapper jsonMapper) {
		this.registry = registry;
		this.runner = runner;
		this.events = events;
		this.jsonMapper = jsonMapper;
		this.clientContextDecoder = new ClientContextDecoder(jsonMapper);
	}

	/**
	 * Handle an Invoke request.
	 * @param request the request
	 * @return the reply, without the request id header
	 * @throws ApiError if Lambda would reject the request
	 * @throws InterruptedException if interrupted while the handler runs
	 */
	@Override
	public HttpReply invoke(InvokeRequest request) throws InterruptedException {
		ResolvedFunction target = this.registry.resolve(request.functionName(), request.qualifier());
		ClientContext clientContext = this.clientContextDecoder.decode(request.clientContext());
		byte[] payload = validJson(request.payload(), this.jsonMapper);
		return switch (request.invocationType()) {
			case DRY_RUN -> HttpReply.empty(204);
			case EVENT -> {
				// Lambda hands the client context to synchronous invocations only
				this.events.submit(new Invocation(request.requestId(), target, payload, null, request.tenantId()));
				yield HttpReply.empty(202);
			}
			case REQUEST_RESPONSE ->
				run(request, new Invocation(request.requestId(), target, payload, clientContext, request.tenantId()));
		};
	}

	private HttpReply run(InvokeRequest request, Invocation invocation) throws InterruptedException {
		FunctionRuntime runtime = invocation.target().runtime();
		if (!runtime.tryAcquire()) {
			throw ApiError.reservedConcurrencyExceeded();
		}
		InvocationResult result;
		try {
			result = this.runner.run(invocation);
		}
		finally {
			runtime.release();
		}
		return HttpReply.invoked(result.payload(), invocation.target().version(), result.functionError(),
				request.tail() ? result.logTail() : null);
	}

	/**
	 * Check that a request payload is one JSON value, as Lambda does.
	 * @param payload the payload
	 * @param jsonMapper the mapper to parse it with
	 * @return the payload, or an empty object for an empty payload
	 * @throws ApiError an {@code InvalidRequestContentException} if it is not JSON
	 */
	static byte[] validJson(byte[] payload, JsonMapper jsonMapper) {
		try (JsonParser parser = jsonMapper.createParser(payload)) {
			if (parser.nextToken() == null) {
				return EMPTY_OBJECT;
			}
			parser.skipChildren();
			if (parser.nextToken() != null) {
				throw ApiError.invalidRequestContent("Could not parse request body into json: Could not parse "
						+ "payload into json: Unexpected content after the JSON value");
			}
			return payload;
		}
		catch (JacksonException ex) {
			throw ApiError
				.invalidRequestContent("Could not parse request body into json: Could not parse payload into json: "
						+ ex.getOriginalMessage());
		}
	}

}

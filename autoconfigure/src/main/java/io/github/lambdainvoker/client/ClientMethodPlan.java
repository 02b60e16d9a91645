package io.github.lambdainvoker.client;

import java.util.List;

import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.PreparedCall;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to turn one call of a client method into a Lambda invocation, worked
 * out once at start-up so that a call does no reflection and no lookups.
 *
 * @param description the interface and method, for messages
 * @param functionKey the key of the function the method invokes
 * @param call the prepared calls of the function
 * @param baseRequest the request sent when no argument adds anything, and the start of
 * every other request
 * @param parameters what each parameter contributes, by position
 * @param shape how the result is handed back
 * @param async whether the method returns without waiting for the result
 * @param stream whether the method streams the response
 * @param resultType the declared result type, or the future's result type
 * @param errors the exceptions function errors are rethrown as
 * @param returnAdapter adapts the future of the call to a reactive type or a
 * {@code suspend} function's result; {@code null} for a {@code CompletableFuture} or a
 * blocking method
 */
record ClientMethodPlan(String description, String functionKey, PreparedCall<?> call, LambdaRequest baseRequest,
		List<ParameterBinding> parameters, ResultShape shape, boolean async, boolean stream, Class<?> resultType,
		DeclaredErrors errors, @Nullable AsyncReturnAdapter returnAdapter) {

	ClientMethodPlan {
		parameters = List.copyOf(parameters);
	}

	/**
	 * Return whether a call blocks until the result is read: neither asynchronous nor
	 * streamed nor adapted.
	 * @return whether the method is a plain blocking call
	 */
	boolean blocking() {
		return !this.async && !this.stream && this.returnAdapter == null;
	}

	/**
	 * Return whether a call is blocking, sends nothing per call but its payload argument,
	 * if it has one, and returns only the decoded result, so that it can go through
	 * {@link PreparedCall#call(Object)}.
	 * @return whether the method is a blocking call of a payload alone
	 */
	boolean payloadOnly() {
		return blocking() && this.shape != ResultShape.RESPONSE && (this.parameters.isEmpty()
				|| (this.parameters.size() == 1 && this.parameters.get(0) == ParameterBinding.PAYLOAD));
	}

	/**
	 * Build the request for one call.
	 * @param arguments the call's arguments, {@code null} for a method without
	 * parameters; a trailing argument without a binding, such as a continuation, is
	 * ignored
	 * @return the request
	 */
	LambdaRequest request(@Nullable Object @Nullable [] arguments) {
		if (arguments == null || this.parameters.isEmpty()) {
			return this.baseRequest;
		}
		if (this.parameters.size() == 1 && this.parameters.get(0) == ParameterBinding.PAYLOAD
				&& this.baseRequest.qualifier() == null) {
			// Payload in and nothing else: one object, no builder.
			return LambdaRequest.of(this.baseRequest.function(), arguments[0]);
		}
		LambdaRequest.Builder request = this.baseRequest.mutate();
		for (int i = 0; i < this.parameters.size(); i++) {
			this.parameters.get(i).apply(request, arguments[i]);
		}
		return request.build();
	}

}

package io.github.lambdainvoker.client;

import java.util.List;

import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.PayloadReader;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to turn one call of a client method into a Lambda invocation, worked
 * out once at start-up so that a call does no reflection and no lookups.
 *
 * @param description the interface and method, for messages
 * @param function the function the method invokes, with every configuration layer applied
 * @param baseRequest the request sent when no argument adds anything, and the start of
 * every other request
 * @param parameters what each parameter contributes, by position
 * @param reader the reader of the result payload
 * @param shape how the result is handed back
 * @param async whether the method returns a {@code CompletableFuture}
 * @param stream whether the method streams the response as an {@code InputStream}
 * @param resultType the declared result type, or the future's result type
 * @param errors the exceptions function errors are rethrown as
 */
record ClientMethodPlan(String description, ResolvedFunction function, LambdaRequest baseRequest,
		List<ParameterBinding> parameters, PayloadReader<?> reader, ResultShape shape, boolean async, boolean stream,
		Class<?> resultType, DeclaredErrors errors) {

	ClientMethodPlan {
		parameters = List.copyOf(parameters);
	}

	/**
	 * Build the request for one call.
	 * @param arguments the call's arguments, {@code null} for a method without parameters
	 * @return the request
	 */
	LambdaRequest request(@Nullable Object @Nullable [] arguments) {
		if (arguments == null || this.parameters.isEmpty()) {
			return this.baseRequest;
		}
		LambdaRequest.Builder request = this.baseRequest.mutate();
		for (int i = 0; i < arguments.length; i++) {
			this.parameters.get(i).apply(request, arguments[i]);
		}
		return request.build();
	}

}

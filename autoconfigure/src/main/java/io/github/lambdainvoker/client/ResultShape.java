package io.github.lambdainvoker.client;

import java.util.Optional;

import io.github.lambdainvoker.invoke.LambdaPayloadException;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.jspecify.annotations.Nullable;

/**
 * How a client method hands back what the function returned, decided once from its return
 * type. A {@code CompletableFuture}, a single-value reactive type and a {@code suspend}
 * function return the same shapes.
 */
enum ResultShape {

	/** The decoded payload itself, {@code null} when there is none. */
	VALUE {

		@Override
		@Nullable Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
			return response.payload();
		}

	},

	/** The decoded payload of a method returning a primitive, which cannot be absent. */
	PRIMITIVE {

		@Override
		Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
			Object payload = response.payload();
			if (payload == null) {
				throw new LambdaPayloadException("Function '" + plan.functionKey() + "' returned no payload, but "
						+ plan.description() + " returns " + plan.resultType().getName(), plan.functionKey(), null,
						null);
			}
			return payload;
		}

	},

	/** The decoded payload in an {@link Optional}, empty when there is none. */
	OPTIONAL {

		@Override
		Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
			return Optional.ofNullable(response.payload());
		}

	},

	/** The whole {@link LambdaResponse}. */
	RESPONSE {

		@Override
		Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
			return response;
		}

	};

	/**
	 * Turn a response into the value the method returns.
	 * @param response the response, its payload already decoded
	 * @param plan the plan of the method
	 * @return the value to return
	 */
	abstract @Nullable Object adapt(LambdaResponse<?> response, ClientMethodPlan plan);

}

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
		@Nullable Object adaptPayload(@Nullable Object payload, ClientMethodPlan plan) {
			return payload;
		}

	},

	/** The decoded payload of a method returning a primitive, which cannot be absent. */
	PRIMITIVE {

		@Override
		Object adaptPayload(@Nullable Object payload, ClientMethodPlan plan) {
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
		Object adaptPayload(@Nullable Object payload, ClientMethodPlan plan) {
			return Optional.ofNullable(payload);
		}

	},

	/** The whole {@link LambdaResponse}. */
	RESPONSE {

		@Override
		Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
			return response;
		}

		@Override
		Object adaptPayload(@Nullable Object payload, ClientMethodPlan plan) {
			throw new IllegalStateException(plan.description() + " returns the whole response, not only its payload");
		}

	};

	/**
	 * Turn a response into the value the method returns.
	 * @param response the response, its payload already decoded
	 * @param plan the plan of the method
	 * @return the value to return
	 */
	@Nullable Object adapt(LambdaResponse<?> response, ClientMethodPlan plan) {
		return adaptPayload(response.payload(), plan);
	}

	/**
	 * Turn a decoded payload into the value the method returns, for every shape but
	 * {@link #RESPONSE}.
	 * @param payload the decoded payload, or {@code null} when there is none
	 * @param plan the plan of the method
	 * @return the value to return
	 */
	abstract @Nullable Object adaptPayload(@Nullable Object payload, ClientMethodPlan plan);

}

package io.github.lambdainvoker.invoke.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for Lambda calls. Declare a bean of this type to change
 * the name, tags or trace attributes of the {@code aws.lambda.invocations} observation.
 *
 * @see DefaultLambdaInvocationObservationConvention
 */
public interface LambdaInvocationObservationConvention extends ObservationConvention<LambdaInvocationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof LambdaInvocationContext;
	}

}

package io.github.lambdainvoker.invoke.observation;

import io.github.lambdainvoker.invoke.FunctionError;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaRoute;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationDocumentation.HighCardinalityKeyNames;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link LambdaInvocationObservationConvention}: names the observation
 * {@code aws.lambda.invocations}, tags it with the function, qualifier, invocation type
 * and, once the call ended, its outcome, error type and function error, and puts the
 * function name sent, the region, the request id and the executed version on traces only.
 * Extend it and override a method to change one key value.
 */
public class DefaultLambdaInvocationObservationConvention implements LambdaInvocationObservationConvention {

	/** Name of the observation, and so of the timer derived from it. */
	public static final String NAME = "aws.lambda.invocations";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(LambdaInvocationContext context) {
		return "invoke " + FunctionTags.of(context.getFunction());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LambdaInvocationContext context) {
		KeyValues keyValues = KeyValues.of(function(context), qualifier(context), invocationType(context));
		if (!context.isCompleted()) {
			// Only what is known at the start goes on the long-task timer of calls in
			// flight.
			return keyValues;
		}
		return keyValues.and(outcome(context), errorType(context), functionError(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(LambdaInvocationContext context) {
		KeyValues keyValues = KeyValues.of(functionName(context));
		LambdaRoute route = context.getFunction().route();
		String region = (route != null) ? route.region() : null;
		if (region != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.REGION.withValue(region));
		}
		String requestId = requestId(context);
		if (requestId != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.REQUEST_ID.withValue(requestId));
		}
		LambdaResponse<?> response = context.getResponse();
		if (response != null && response.executedVersion() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.EXECUTED_VERSION.withValue(response.executedVersion()));
		}
		return keyValues;
	}

	protected KeyValue function(LambdaInvocationContext context) {
		return LowCardinalityKeyNames.FUNCTION.withValue(FunctionTags.of(context.getFunction()));
	}

	protected KeyValue qualifier(LambdaInvocationContext context) {
		String qualifier = effectiveQualifier(context);
		return LowCardinalityKeyNames.QUALIFIER.withValue((qualifier != null) ? qualifier : NONE);
	}

	protected KeyValue invocationType(LambdaInvocationContext context) {
		PreparedInvocation invocation = context.getInvocation();
		InvocationType type = (invocation != null) ? invocation.invocationType()
				: (context.getRequest().invocationType() != null) ? context.getRequest().invocationType()
						: context.getFunction().invocationType();
		return LowCardinalityKeyNames.INVOCATION_TYPE.withValue(type.wireValue());
	}

	protected KeyValue outcome(LambdaInvocationContext context) {
		return LowCardinalityKeyNames.OUTCOME
			.withValue(LambdaInvocationOutcome.of(context.getError(), context.getResponse()).name());
	}

	protected KeyValue errorType(LambdaInvocationContext context) {
		Throwable error = context.getError();
		String type;
		if (error == null) {
			type = NONE;
		}
		else if (error instanceof LambdaServiceException service) {
			type = service.getErrorCode();
		}
		else if (error instanceof LambdaFunctionException function && function.getErrorType() != null) {
			type = function.getErrorType();
		}
		else {
			type = error.getClass().getSimpleName();
		}
		return LowCardinalityKeyNames.ERROR_TYPE.withValue(type);
	}

	protected KeyValue functionError(LambdaInvocationContext context) {
		LambdaResponse<?> response = context.getResponse();
		FunctionError functionError = (response != null) ? response.functionError() : FunctionError.NONE;
		String value = switch (functionError) {
			case NONE -> NONE;
			case HANDLED -> "Handled";
			case UNHANDLED -> "Unhandled";
		};
		return LowCardinalityKeyNames.FUNCTION_ERROR.withValue(value);
	}

	protected KeyValue functionName(LambdaInvocationContext context) {
		return HighCardinalityKeyNames.FUNCTION_NAME.withValue(context.getFunction().functionName());
	}

	private static @Nullable String requestId(LambdaInvocationContext context) {
		LambdaResponse<?> response = context.getResponse();
		if (response != null) {
			return response.requestId();
		}
		return (context.getError() instanceof LambdaServiceException service) ? service.getRequestId() : null;
	}

	private static @Nullable String effectiveQualifier(LambdaInvocationContext context) {
		PreparedInvocation invocation = context.getInvocation();
		if (invocation != null) {
			return invocation.qualifier();
		}
		// The request failed validation, perhaps because of its own qualifier: keep that
		// unchecked value off the tags and report the function's.
		ResolvedFunction function = context.getFunction();
		return (function.qualifier() != null) ? function.qualifier() : function.reference().inlineQualifier();
	}

}

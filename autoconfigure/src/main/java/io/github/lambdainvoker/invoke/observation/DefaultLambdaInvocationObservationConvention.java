package io.github.lambdainvoker.invoke.observation;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.lambdainvoker.invoke.FunctionError;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaRequest;
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

	// Function keys are few in an application; calls by ever new names are not cached
	// past this many.
	private static final int MAX_CACHED_FUNCTIONS = 1024;

	private final boolean cacheable = getClass() == DefaultLambdaInvocationObservationConvention.class;

	private final ConcurrentMap<String, FunctionKeyValues> functions = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(LambdaInvocationContext context) {
		FunctionKeyValues cached = cached(context);
		return (cached != null) ? cached.contextualName() : "invoke " + FunctionTags.of(context.getFunction());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(LambdaInvocationContext context) {
		FunctionKeyValues cached = cached(context);
		if (cached != null && cached.describes(effectiveQualifier(context), type(context))) {
			if (!context.isCompleted()) {
				return cached.start();
			}
			if (context.getError() == null && !hasFunctionError(context)) {
				// The key values of a success repeat those of the start: stored on the
				// context now, they need no merging when the observation adds them.
				context.replaceLowCardinalityKeyValues(cached.start(), cached.success());
				return cached.success();
			}
			return cached.start().and(outcome(context), errorType(context), functionError(context));
		}
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
		FunctionKeyValues cached = cached(context);
		KeyValues keyValues = (cached != null) ? cached.highCardinality() : functionKeyValues(context);
		String requestId = requestId(context);
		LambdaResponse<?> response = context.getResponse();
		String executedVersion = (response != null) ? response.executedVersion() : null;
		if (executedVersion == null) {
			return (requestId != null) ? keyValues.and(HighCardinalityKeyNames.REQUEST_ID.withValue(requestId))
					: keyValues;
		}
		KeyValue version = (cached != null) ? cached.executedVersion(executedVersion)
				: HighCardinalityKeyNames.EXECUTED_VERSION.withValue(executedVersion);
		if (requestId == null) {
			return keyValues.and(version);
		}
		KeyValue requestIdValue = HighCardinalityKeyNames.REQUEST_ID.withValue(requestId);
		if (cached == null) {
			return keyValues.and(requestIdValue, version);
		}
		// The end of every successful call: one set built at once rather than merged,
		// and stored as it is, since it repeats the key values of the start.
		KeyValue[] function = cached.highCardinalityArray();
		KeyValue[] all = Arrays.copyOf(function, function.length + 2);
		all[function.length] = requestIdValue;
		all[function.length + 1] = version;
		KeyValues ended = KeyValues.of(all);
		context.replaceHighCardinalityKeyValues(keyValues, ended);
		return ended;
	}

	private KeyValues functionKeyValues(LambdaInvocationContext context) {
		KeyValues keyValues = KeyValues.of(functionName(context));
		LambdaRoute route = context.getFunction().route();
		String region = (route != null) ? route.region() : null;
		if (region != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.REGION.withValue(region));
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
		return LowCardinalityKeyNames.INVOCATION_TYPE.withValue(type(context).wireValue());
	}

	private static InvocationType type(LambdaInvocationContext context) {
		PreparedInvocation invocation = context.getInvocation();
		InvocationType requested = context.getRequest().invocationType();
		return (invocation != null) ? invocation.invocationType()
				: (requested != null) ? requested : context.getFunction().invocationType();
	}

	private static boolean hasFunctionError(LambdaInvocationContext context) {
		LambdaResponse<?> response = context.getResponse();
		return response != null && response.hasFunctionError();
	}

	/**
	 * Return the key values of the context's function, worked out once per function when
	 * this convention is used as it is; a subclass may compute any of them differently,
	 * so it gets none.
	 */
	private @Nullable FunctionKeyValues cached(LambdaInvocationContext context) {
		if (!this.cacheable) {
			return null;
		}
		ResolvedFunction function = context.getFunction();
		FunctionKeyValues cached = this.functions.get(function.key());
		if (cached != null && (cached.function() == function || cached.function().equals(function))) {
			return cached;
		}
		LambdaInvocationContext start = new LambdaInvocationContext(function, LambdaRequest.of(function.key(), null));
		String qualifier = effectiveQualifier(start);
		KeyValues startKeyValues = KeyValues.of(function(start), qualifier(start), invocationType(start));
		KeyValues success = startKeyValues.and(
				LowCardinalityKeyNames.OUTCOME.withValue(LambdaInvocationOutcome.SUCCESS.name()),
				LowCardinalityKeyNames.ERROR_TYPE.withValue(NONE),
				LowCardinalityKeyNames.FUNCTION_ERROR.withValue(NONE));
		cached = new FunctionKeyValues(function, qualifier, function.invocationType(), startKeyValues, success,
				functionKeyValues(start), "invoke " + FunctionTags.of(function));
		if (this.functions.size() < MAX_CACHED_FUNCTIONS) {
			this.functions.put(function.key(), cached);
		}
		return cached;
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

	/**
	 * What a call of one function is tagged with when it uses the function's own
	 * qualifier and invocation type.
	 */
	private static final class FunctionKeyValues {

		private final ResolvedFunction function;

		private final @Nullable String qualifier;

		private final InvocationType invocationType;

		private final KeyValues start;

		private final KeyValues success;

		private final KeyValues highCardinality;

		private final String contextualName;

		private final KeyValue[] highCardinalityArray;

		// A function runs one version for long stretches: its key value is kept.
		private volatile @Nullable KeyValue executedVersion;

		FunctionKeyValues(ResolvedFunction function, @Nullable String qualifier, InvocationType invocationType,
				KeyValues start, KeyValues success, KeyValues highCardinality, String contextualName) {
			this.function = function;
			this.qualifier = qualifier;
			this.invocationType = invocationType;
			this.start = start;
			this.success = success;
			this.highCardinality = highCardinality;
			this.contextualName = contextualName;
			this.highCardinalityArray = highCardinality.stream().toArray(KeyValue[]::new);
		}

		KeyValue[] highCardinalityArray() {
			return this.highCardinalityArray;
		}

		boolean describes(@Nullable String qualifier, InvocationType invocationType) {
			return this.invocationType == invocationType && Objects.equals(this.qualifier, qualifier);
		}

		KeyValue executedVersion(String version) {
			KeyValue keyValue = this.executedVersion;
			if (keyValue == null || !keyValue.getValue().equals(version)) {
				keyValue = HighCardinalityKeyNames.EXECUTED_VERSION.withValue(version);
				this.executedVersion = keyValue;
			}
			return keyValue;
		}

		ResolvedFunction function() {
			return this.function;
		}

		KeyValues start() {
			return this.start;
		}

		KeyValues success() {
			return this.success;
		}

		KeyValues highCardinality() {
			return this.highCardinality;
		}

		String contextualName() {
			return this.contextualName;
		}

	}

}

package io.github.lambdainvoker.invoke.observation;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.observation.LambdaInvocationObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records the size of the payloads of each observed call in the
 * {@code aws.lambda.payload.size} distribution summary, tagged with {@code function} and
 * {@code direction} ({@code request} or {@code response}). A request is recorded once per
 * call, however many attempts sent it, and only when it passed validation; a response
 * only for {@code RequestResponse} calls that got one, a function error's included.
 */
public final class PayloadSizeObservationHandler implements ObservationHandler<LambdaInvocationContext> {

	/** Name of the distribution summary. */
	public static final String METER_NAME = "aws.lambda.payload.size";

	private final Meter.MeterProvider<DistributionSummary> requestSizes;

	private final Meter.MeterProvider<DistributionSummary> responseSizes;

	private final ConcurrentMap<String, DistributionSummary> requestSummaries = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, DistributionSummary> responseSummaries = new ConcurrentHashMap<>();

	public PayloadSizeObservationHandler(MeterRegistry registry) {
		this.requestSizes = sizes("request", registry);
		this.responseSizes = sizes("response", registry);
	}

	private static Meter.MeterProvider<DistributionSummary> sizes(String direction, MeterRegistry registry) {
		return DistributionSummary.builder(METER_NAME)
			.description("Size of the payloads sent to and received from Lambda functions")
			.baseUnit(BaseUnits.BYTES)
			.tag("direction", direction)
			.withRegistry(registry);
	}

	@Override
	public void onStop(LambdaInvocationContext context) {
		PreparedInvocation invocation = context.getInvocation();
		if (invocation == null) {
			return;
		}
		String function = function(context);
		summary(this.requestSummaries, this.requestSizes, function).record(invocation.payloadSize());
		LambdaResponse<?> response = context.getResponse();
		if (response != null && invocation.invocationType() == InvocationType.REQUEST_RESPONSE) {
			summary(this.responseSummaries, this.responseSizes, function).record(response.payloadBytes().length);
		}
	}

	// Looked up once per function: a registry lookup builds tags and a meter id each
	// time.
	private static DistributionSummary summary(ConcurrentMap<String, DistributionSummary> summaries,
			Meter.MeterProvider<DistributionSummary> sizes, String function) {
		DistributionSummary summary = summaries.get(function);
		if (summary == null) {
			summary = summaries.computeIfAbsent(function, (key) -> sizes.withTag("function", key));
		}
		return summary;
	}

	private static String function(LambdaInvocationContext context) {
		// Follow a custom convention's function tag so that the meters line up.
		KeyValue function = context.getLowCardinalityKeyValue(LowCardinalityKeyNames.FUNCTION.asString());
		return (function != null) ? function.getValue() : FunctionTags.of(context.getFunction());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LambdaInvocationContext;
	}

}

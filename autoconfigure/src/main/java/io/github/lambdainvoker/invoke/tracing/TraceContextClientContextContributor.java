package io.github.lambdainvoker.invoke.tracing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.lambdainvoker.invoke.ClientContextContributor;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * {@link ClientContextContributor} that writes the current span's trace context into the
 * client context's {@code custom} section with the tracer's {@link Propagator}: with W3C
 * propagation, the {@code traceparent} and {@code tracestate} keys. A function reads them
 * from {@code context.getClientContext().getCustom()} to continue the trace. Contributes
 * nothing when no span is current.
 */
public final class TraceContextClientContextContributor implements ClientContextContributor {

	private final Tracer tracer;

	private final Propagator propagator;

	public TraceContextClientContextContributor(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public Map<String, String> contribute(ResolvedFunction function) {
		Span span = this.tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return Map.of();
		}
		Map<String, String> carrier = new LinkedHashMap<>();
		this.propagator.inject(span.context(), carrier, (map, key, value) -> {
			if (map != null) {
				map.put(key, value);
			}
		});
		return carrier;
	}

}

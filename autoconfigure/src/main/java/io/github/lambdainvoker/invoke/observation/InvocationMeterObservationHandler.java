package io.github.lambdainvoker.invoke.observation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler.IgnoredMeters;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

/**
 * Records the meters of Lambda calls as Micrometer's
 * {@link DefaultMeterObservationHandler} does, with the same names and tags: the
 * {@code aws.lambda.invocations} timer, tagged with the observation's low-cardinality key
 * values and {@code error}, and the {@code aws.lambda.invocations.active} long task timer
 * of calls in flight. It looks each meter up once per set of tags and keeps the start of
 * a call on the context, so that a call does not build tags, meter ids and samples every
 * time.
 * <p>
 * Registered ahead of the default handler, it is the one that handles Lambda calls where
 * meter handlers are grouped so that the first that supports a context handles it, as
 * Spring Boot does; every other observation still goes to the default handler.
 */
public final class InvocationMeterObservationHandler implements MeterObservationHandler<LambdaInvocationContext> {

	private static final String NO_ERROR = "none";

	private final MeterRegistry registry;

	private final boolean recordActive;

	private final ConcurrentMap<KeyValues, Timer> timers = new ConcurrentHashMap<>();

	private final ConcurrentMap<KeyValues, LongTaskTimer> activeTimers = new ConcurrentHashMap<>();

	/**
	 * Create a handler that records into the given registry.
	 * @param registry the meter registry
	 * @param ignoredMeters the meters not to record, as for the default handler
	 */
	public InvocationMeterObservationHandler(MeterRegistry registry, IgnoredMeters... ignoredMeters) {
		this.registry = registry;
		this.recordActive = !Arrays.asList(ignoredMeters).contains(IgnoredMeters.LONG_TASK_TIMER);
	}

	@Override
	public void onStart(LambdaInvocationContext context) {
		if (this.recordActive) {
			context.activeSample = activeTimer(context).start();
		}
		context.startNanos = this.registry.config().clock().monotonicTime();
	}

	@Override
	public void onStop(LambdaInvocationContext context) {
		long duration = this.registry.config().clock().monotonicTime() - context.startNanos;
		timer(context).record(duration, TimeUnit.NANOSECONDS);
		if (context.activeSample instanceof LongTaskTimer.Sample sample) {
			sample.stop();
			context.activeSample = null;
		}
	}

	@Override
	public void onEvent(Observation.Event event, LambdaInvocationContext context) {
		Counter.builder(name(context) + "." + event.getName())
			.tags(tags(context.getLowCardinalityKeyValues()))
			.register(this.registry)
			.increment();
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof LambdaInvocationContext;
	}

	private Timer timer(LambdaInvocationContext context) {
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		Throwable error = context.getError();
		if (error != null) {
			// Failed calls are rare: look their timer up in the registry.
			return timer(name(context), keyValues, error.getClass().getSimpleName());
		}
		Timer timer = this.timers.get(keyValues);
		if (timer == null) {
			timer = this.timers.computeIfAbsent(keyValues, (key) -> timer(name(context), key, NO_ERROR));
		}
		return timer;
	}

	private Timer timer(String name, KeyValues keyValues, String error) {
		List<Tag> tags = tags(keyValues);
		tags.add(Tag.of("error", error));
		return Timer.builder(name).tags(tags).register(this.registry);
	}

	private LongTaskTimer activeTimer(LambdaInvocationContext context) {
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		LongTaskTimer timer = this.activeTimers.get(keyValues);
		if (timer == null) {
			timer = this.activeTimers.computeIfAbsent(keyValues,
					(key) -> LongTaskTimer.builder(name(context) + ".active").tags(tags(key)).register(this.registry));
		}
		return timer;
	}

	private static String name(Observation.Context context) {
		String name = context.getName();
		return (name != null) ? name : DefaultLambdaInvocationObservationConvention.NAME;
	}

	private static List<Tag> tags(KeyValues keyValues) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return tags;
	}

}

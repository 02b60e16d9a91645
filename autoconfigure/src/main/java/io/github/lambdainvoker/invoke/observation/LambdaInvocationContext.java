package io.github.lambdainvoker.invoke.observation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one Lambda call, all attempts included: the function
 * and request it was for, the prepared invocation once the request passed validation, and
 * how the call ended.
 * <p>
 * Its key values are kept as the immutable {@link KeyValues} they are added as, rather
 * than in maps of single key values: a convention's key values, worked out once per
 * function, are then stored and handed to handlers as they are, without copies.
 */
public class LambdaInvocationContext extends Observation.Context {

	private final ResolvedFunction function;

	private final LambdaRequest request;

	private @Nullable PreparedInvocation invocation;

	private @Nullable LambdaResponse<?> response;

	private boolean completed;

	// What the meter handler needs from start to stop, kept here rather than in the
	// context's map, which would cost a map entry per call.
	long startNanos;

	@Nullable Object activeSample;

	private static final KeyValues NONE = KeyValues.empty();

	private KeyValues lowCardinalityKeyValues = NONE;

	private KeyValues highCardinalityKeyValues = NONE;

	public LambdaInvocationContext(ResolvedFunction function, LambdaRequest request) {
		this.function = function;
		this.request = request;
	}

	/**
	 * Return the function the call is for.
	 * @return the resolved function
	 */
	public ResolvedFunction getFunction() {
		return this.function;
	}

	/**
	 * Return the per-call values.
	 * @return the request
	 */
	public LambdaRequest getRequest() {
		return this.request;
	}

	/**
	 * Return the invocation as prepared for sending.
	 * @return the prepared invocation, or {@code null} when the request failed validation
	 * or has not been prepared yet
	 */
	public @Nullable PreparedInvocation getInvocation() {
		return this.invocation;
	}

	public void setInvocation(@Nullable PreparedInvocation invocation) {
		this.invocation = invocation;
	}

	/**
	 * Return the response Lambda returned, including the response of a function that
	 * failed.
	 * @return the response, or {@code null} when the call got none
	 */
	public @Nullable LambdaResponse<?> getResponse() {
		return this.response;
	}

	public void setResponse(@Nullable LambdaResponse<?> response) {
		this.response = response;
	}

	/**
	 * Whether the call has ended, so that its outcome is known.
	 * @return {@code true} once the call returned or failed
	 */
	public boolean isCompleted() {
		return this.completed;
	}

	public void setCompleted(boolean completed) {
		this.completed = completed;
	}

	@Override
	public synchronized Observation.Context addLowCardinalityKeyValue(KeyValue keyValue) {
		this.lowCardinalityKeyValues = this.lowCardinalityKeyValues.and(keyValue);
		return this;
	}

	@Override
	public synchronized Observation.Context addHighCardinalityKeyValue(KeyValue keyValue) {
		this.highCardinalityKeyValues = this.highCardinalityKeyValues.and(keyValue);
		return this;
	}

	@Override
	public synchronized Observation.Context addLowCardinalityKeyValues(KeyValues keyValues) {
		this.lowCardinalityKeyValues = merged(this.lowCardinalityKeyValues, keyValues);
		return this;
	}

	@Override
	public synchronized Observation.Context addHighCardinalityKeyValues(KeyValues keyValues) {
		this.highCardinalityKeyValues = merged(this.highCardinalityKeyValues, keyValues);
		return this;
	}

	@Override
	public synchronized Observation.Context removeLowCardinalityKeyValue(String keyName) {
		this.lowCardinalityKeyValues = without(this.lowCardinalityKeyValues, keyName);
		return this;
	}

	@Override
	public synchronized Observation.Context removeHighCardinalityKeyValue(String keyName) {
		this.highCardinalityKeyValues = without(this.highCardinalityKeyValues, keyName);
		return this;
	}

	@Override
	public synchronized Observation.Context removeLowCardinalityKeyValues(String... keyNames) {
		for (String keyName : keyNames) {
			this.lowCardinalityKeyValues = without(this.lowCardinalityKeyValues, keyName);
		}
		return this;
	}

	@Override
	public synchronized Observation.Context removeHighCardinalityKeyValues(String... keyNames) {
		for (String keyName : keyNames) {
			this.highCardinalityKeyValues = without(this.highCardinalityKeyValues, keyName);
		}
		return this;
	}

	@Override
	public synchronized KeyValues getLowCardinalityKeyValues() {
		return this.lowCardinalityKeyValues;
	}

	@Override
	public synchronized KeyValues getHighCardinalityKeyValues() {
		return this.highCardinalityKeyValues;
	}

	@Override
	public synchronized @Nullable KeyValue getLowCardinalityKeyValue(String key) {
		return find(this.lowCardinalityKeyValues, key);
	}

	@Override
	public synchronized @Nullable KeyValue getHighCardinalityKeyValue(String key) {
		return find(this.highCardinalityKeyValues, key);
	}

	/**
	 * Merge added key values into the current ones, the added winning. Key values that
	 * repeat every current key replace them as they are, which is how a convention's key
	 * values at the end of a call meet those of its start.
	 */
	private static KeyValues merged(KeyValues current, KeyValues added) {
		return (current == added || current == NONE || coversEveryKey(added, current)) ? added : current.and(added);
	}

	/**
	 * Replace the low-cardinality key values with others that repeat every key of the
	 * current ones, if they are still the given ones: adding them again then costs no
	 * check.
	 * @param current the key values expected
	 * @param replacement key values with every key of the expected ones
	 */
	synchronized void replaceLowCardinalityKeyValues(KeyValues current, KeyValues replacement) {
		if (this.lowCardinalityKeyValues == current) {
			this.lowCardinalityKeyValues = replacement;
		}
	}

	/**
	 * Replace the high-cardinality key values with others that repeat every key of the
	 * current ones, if they are still the given ones.
	 * @param current the key values expected
	 * @param replacement key values with every key of the expected ones
	 */
	synchronized void replaceHighCardinalityKeyValues(KeyValues current, KeyValues replacement) {
		if (this.highCardinalityKeyValues == current) {
			this.highCardinalityKeyValues = replacement;
		}
	}

	// Both are sorted by key, so one pass over each answers.
	private static boolean coversEveryKey(KeyValues keyValues, KeyValues current) {
		Iterator<KeyValue> candidates = keyValues.iterator();
		for (KeyValue keyValue : current) {
			int order = -1;
			while (order < 0) {
				if (!candidates.hasNext()) {
					return false;
				}
				order = candidates.next().getKey().compareTo(keyValue.getKey());
			}
			if (order > 0) {
				return false;
			}
		}
		return true;
	}

	private static KeyValues without(KeyValues keyValues, String key) {
		if (find(keyValues, key) == null) {
			return keyValues;
		}
		List<KeyValue> kept = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			if (!keyValue.getKey().equals(key)) {
				kept.add(keyValue);
			}
		}
		return KeyValues.of(kept);
	}

	private static @Nullable KeyValue find(KeyValues keyValues, String key) {
		for (KeyValue keyValue : keyValues) {
			if (keyValue.getKey().equals(key)) {
				return keyValue;
			}
		}
		return null;
	}

}

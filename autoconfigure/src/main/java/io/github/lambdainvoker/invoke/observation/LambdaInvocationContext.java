package io.github.lambdainvoker.invoke.observation;

import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Observation.Context} of one Lambda call, all attempts included: the function
 * and request it was for, the prepared invocation once the request passed validation, and
 * how the call ended.
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

}

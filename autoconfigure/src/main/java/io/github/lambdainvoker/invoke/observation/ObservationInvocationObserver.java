package io.github.lambdainvoker.invoke.observation;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import io.github.lambdainvoker.invoke.InvocationObserver;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.PreparedInvocation;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@link InvocationObserver} that makes one {@code aws.lambda.invocations}
 * {@link Observation} per call. With a no-op registry it builds nothing.
 */
public final class ObservationInvocationObserver implements InvocationObserver {

	private static final DefaultLambdaInvocationObservationConvention DEFAULT_CONVENTION = new DefaultLambdaInvocationObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable LambdaInvocationObservationConvention convention;

	private final boolean openScopes;

	/**
	 * Create an observer that makes each call the current observation while it runs.
	 * @param registry the registry to observe with
	 * @param convention the convention to use instead of the default one, or {@code null}
	 */
	public ObservationInvocationObserver(ObservationRegistry registry,
			@Nullable LambdaInvocationObservationConvention convention) {
		this(registry, convention, true);
	}

	/**
	 * Create an observer.
	 * @param registry the registry to observe with
	 * @param convention the convention to use instead of the default one, or {@code null}
	 * @param openScopes whether each call is made the current observation while it runs,
	 * as tracing needs; without handlers that react to scopes, opening them is work
	 * nobody sees
	 */
	public ObservationInvocationObserver(ObservationRegistry registry,
			@Nullable LambdaInvocationObservationConvention convention, boolean openScopes) {
		this.registry = registry;
		this.convention = convention;
		this.openScopes = openScopes;
	}

	@Override
	public Observed start(ResolvedFunction function, LambdaRequest request) {
		if (this.registry.isNoop()) {
			return Observed.NONE;
		}
		ObservedCall call = new ObservedCall(function, request, this.openScopes);
		Observation observation = LambdaInvocationObservationDocumentation.INVOCATION.observation(this.convention,
				DEFAULT_CONVENTION, call, this.registry);
		if (observation.isNoop()) {
			return Observed.NONE;
		}
		call.observation = observation.start();
		return call;
	}

	/**
	 * The context of one observed call, which is also the call as its invoker sees it,
	 * its own scope and its own supplier: one object per call rather than four.
	 */
	private static final class ObservedCall extends LambdaInvocationContext
			implements Observed, Scope, Supplier<LambdaInvocationContext> {

		private Observation observation = Observation.NOOP;

		private Observation.@Nullable Scope scope;

		private final boolean scoped;

		ObservedCall(ResolvedFunction function, LambdaRequest request, boolean scoped) {
			super(function, request);
			this.scoped = scoped;
		}

		@Override
		public LambdaInvocationContext get() {
			return this;
		}

		@Override
		public void prepared(PreparedInvocation invocation) {
			setInvocation(invocation);
		}

		@Override
		public Scope openScope() {
			if (this.scoped) {
				this.scope = this.observation.openScope();
			}
			return this;
		}

		@Override
		public void close() {
			Observation.Scope scope = this.scope;
			if (scope != null) {
				this.scope = null;
				scope.close();
			}
		}

		@Override
		public void stop(@Nullable LambdaResponse<?> response, @Nullable Throwable failure) {
			Throwable error = unwrap(failure);
			if (response == null && error instanceof LambdaFunctionException functionError) {
				response = functionError.getResponse();
			}
			setResponse(response);
			setCompleted(true);
			if (error != null) {
				this.observation.error(error);
			}
			this.observation.stop();
		}

		private static @Nullable Throwable unwrap(@Nullable Throwable failure) {
			Throwable error = failure;
			while ((error instanceof CompletionException || error instanceof ExecutionException)
					&& error.getCause() != null) {
				error = error.getCause();
			}
			return error;
		}

	}

}

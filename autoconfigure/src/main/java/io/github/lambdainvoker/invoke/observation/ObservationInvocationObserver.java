package io.github.lambdainvoker.invoke.observation;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

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

	/**
	 * Create an observer.
	 * @param registry the registry to observe with
	 * @param convention the convention to use instead of the default one, or {@code null}
	 */
	public ObservationInvocationObserver(ObservationRegistry registry,
			@Nullable LambdaInvocationObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	@Override
	public Observed start(ResolvedFunction function, LambdaRequest request) {
		if (this.registry.isNoop()) {
			return Observed.NONE;
		}
		LambdaInvocationContext context = new LambdaInvocationContext(function, request);
		Observation observation = LambdaInvocationObservationDocumentation.INVOCATION.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		if (observation.isNoop()) {
			return Observed.NONE;
		}
		return new ObservedCall(observation.start(), context);
	}

	/**
	 * One observed call; it is its own scope, so that opening one costs no extra object.
	 */
	private static final class ObservedCall implements Observed, Scope {

		private final Observation observation;

		private final LambdaInvocationContext context;

		private Observation.@Nullable Scope scope;

		ObservedCall(Observation observation, LambdaInvocationContext context) {
			this.observation = observation;
			this.context = context;
		}

		@Override
		public void prepared(PreparedInvocation invocation) {
			this.context.setInvocation(invocation);
		}

		@Override
		public Scope openScope() {
			this.scope = this.observation.openScope();
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
			this.context.setResponse(response);
			this.context.setCompleted(true);
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

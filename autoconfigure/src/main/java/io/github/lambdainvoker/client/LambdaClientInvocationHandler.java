package io.github.lambdainvoker.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import org.jspecify.annotations.Nullable;

/**
 * The {@link InvocationHandler} behind a client proxy: looks up the plan of the called
 * method, built at start-up, and runs it. Default methods run as written; {@code equals}
 * and {@code hashCode} are those of the proxy's identity.
 */
final class LambdaClientInvocationHandler implements InvocationHandler {

	private final String description;

	private final Map<Method, ClientMethodPlan> plans;

	LambdaClientInvocationHandler(String description, Map<Method, ClientMethodPlan> plans) {
		this.description = description;
		this.plans = plans;
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
			throws Throwable {
		ClientMethodPlan plan = this.plans.get(method);
		// The blocking call first and small, so that the JIT compiler can inline it into
		// the proxy.
		if (plan != null && plan.blocking()) {
			return plan.payloadOnly() ? callForPayload(plan, (arguments != null) ? arguments[0] : null)
					: call(plan, plan.request(arguments));
		}
		return (plan != null) ? invokeNonBlocking(plan, arguments) : invokeOther(proxy, method, arguments);
	}

	private @Nullable Object invokeNonBlocking(ClientMethodPlan plan, @Nullable Object @Nullable [] arguments)
			throws Throwable {
		LambdaRequest request = plan.request(arguments);
		AsyncReturnAdapter returnAdapter = plan.returnAdapter();
		if (returnAdapter != null) {
			return returnAdapter.adapt(
					plan.stream() ? () -> callStreamAsync(plan, request) : () -> callAsync(plan, request), arguments);
		}
		if (plan.stream()) {
			return plan.async() ? callStreamAsync(plan, request) : callStream(plan, request);
		}
		return callAsync(plan, request);
	}

	private @Nullable Object invokeOther(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
			throws Throwable {
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, arguments);
		}
		return switch (method.getName()) {
			case "equals" -> arguments != null && proxy == arguments[0];
			case "hashCode" -> System.identityHashCode(proxy);
			case "toString" -> this.description;
			default -> throw new IllegalStateException("Unexpected call of " + method + " on " + this.description);
		};
	}

	private @Nullable Object call(ClientMethodPlan plan, LambdaRequest request) throws Throwable {
		LambdaResponse<?> response;
		try {
			response = plan.call().invoke(request);
		}
		catch (LambdaFunctionException ex) {
			throw plan.errors().translate(ex);
		}
		return plan.shape().adapt(response, plan);
	}

	private @Nullable Object callForPayload(ClientMethodPlan plan, @Nullable Object payload) throws Throwable {
		Object result;
		try {
			result = plan.call().call(payload);
		}
		catch (LambdaFunctionException ex) {
			throw plan.errors().translate(ex);
		}
		return plan.shape().adaptPayload(result, plan);
	}

	private CompletableFuture<@Nullable Object> callAsync(ClientMethodPlan plan, LambdaRequest request) {
		CompletableFuture<@Nullable Object> result = new CompletableFuture<>();
		CompletableFuture<? extends LambdaResponse<?>> call = plan.call().invokeAsync(request);
		call.whenComplete((response, failure) -> {
			if (failure != null) {
				result.completeExceptionally(plan.errors().translate(failure));
				return;
			}
			try {
				result.complete(plan.shape().adapt(response, plan));
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		});
		result.whenComplete((value, failure) -> {
			if (failure instanceof CancellationException) {
				call.cancel(false);
			}
		});
		return result;
	}

	private InputStream callStream(ClientMethodPlan plan, LambdaRequest request) throws Throwable {
		try {
			return plan.call().invokeStream(request).join();
		}
		catch (CompletionException ex) {
			throw plan.errors().translate(ex);
		}
	}

	private CompletableFuture<InputStream> callStreamAsync(ClientMethodPlan plan, LambdaRequest request) {
		CompletableFuture<InputStream> result = new CompletableFuture<>();
		CompletableFuture<InputStream> call = plan.call().invokeStream(request);
		call.whenComplete((stream, failure) -> {
			if (failure != null) {
				result.completeExceptionally(plan.errors().translate(failure));
			}
			else if (!result.complete(stream)) {
				closeQuietly(stream);
			}
		});
		result.whenComplete((stream, failure) -> {
			if (failure instanceof CancellationException) {
				call.cancel(true);
			}
		});
		return result;
	}

	private static void closeQuietly(InputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// Nobody is left to read it.
		}
	}

	@Override
	public String toString() {
		return this.description;
	}

}

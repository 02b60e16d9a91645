package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * {@link PreparedCall} that prepares nothing: each call goes to the invoker's own
 * methods, with the declared options filled into the request where it leaves them unset.
 * What any {@link LambdaInvoker} offers without overriding {@link LambdaInvoker#prepare}.
 *
 * @param <T> the result type
 */
final class DelegatingPreparedCall<T> implements PreparedCall<T> {

	private final LambdaInvoker invoker;

	private final LambdaRequest template;

	private final FunctionOptions declared;

	private final ParameterizedTypeReference<T> resultType;

	DelegatingPreparedCall(LambdaInvoker invoker, LambdaRequest template, FunctionOptions declared,
			ParameterizedTypeReference<T> resultType) {
		this.invoker = invoker;
		this.template = template;
		this.declared = declared;
		this.resultType = resultType;
	}

	@Override
	public InvocationType invocationType() {
		InvocationType invocationType = this.declared.invocationType();
		return (invocationType != null) ? invocationType : InvocationType.REQUEST_RESPONSE;
	}

	@Override
	public LambdaResponse<T> invoke(LambdaRequest request) {
		return this.invoker.invoke(withDeclared(request), this.resultType);
	}

	@Override
	public @Nullable T call(@Nullable Object payload) {
		return invoke(this.template.mutate().payload(payload).build()).payload();
	}

	@Override
	public CompletableFuture<LambdaResponse<T>> invokeAsync(LambdaRequest request) {
		return this.invoker.invokeAsync(withDeclared(request), this.resultType);
	}

	@Override
	public CompletableFuture<InputStream> invokeStream(LambdaRequest request) {
		return this.invoker.invokeStream(withDeclared(request));
	}

	private LambdaRequest withDeclared(LambdaRequest request) {
		if (this.declared.equals(FunctionOptions.NONE)) {
			return request;
		}
		LambdaRequest.Builder builder = request.mutate();
		if (request.qualifier() == null) {
			builder.qualifier(this.declared.qualifier());
		}
		if (request.invocationType() == null) {
			builder.invocationType(this.declared.invocationType());
		}
		if (request.logType() == null) {
			builder.logType(this.declared.logType());
		}
		return builder.build();
	}

}

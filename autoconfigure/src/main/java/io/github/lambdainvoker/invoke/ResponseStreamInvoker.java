package io.github.lambdainvoker.invoke;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponse;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a prepared invocation with {@code InvokeWithResponseStream} and returns the
 * response body as an {@link InputStream} as soon as Lambda starts answering. Streamed
 * calls are neither retried nor bounded by the function's {@code timeout}: their length
 * is the function's to decide.
 */
final class ResponseStreamInvoker {

	private final JsonMapper jsonMapper;

	private final LambdaExceptionTranslator exceptionTranslator = LambdaExceptionTranslator.INSTANCE;

	ResponseStreamInvoker(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	CompletableFuture<InputStream> invoke(PreparedInvocation invocation, LambdaAsyncClient asyncClient) {
		if (invocation.invocationType() == InvocationType.EVENT) {
			return CompletableFuture.failedFuture(new LambdaValidationException(
					"Function '" + invocation.functionKey()
							+ "' cannot stream the response of an Event invocation; use " + "RequestResponse or DryRun",
					invocation.functionKey(), invocation.qualifier()));
		}
		CompletableFuture<InputStream> result = new CompletableFuture<>();
		Handler handler = new Handler(invocation, result);
		CompletableFuture<Void> call;
		try {
			call = asyncClient.invokeWithResponseStream(streamRequest(invocation.sdkRequest()), handler);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		handler.call = call;
		CompletableFuture<Void> sdkCall = call;
		call.whenComplete((done, failure) -> {
			if (failure != null) {
				handler.exceptionOccurred(failure);
			}
		});
		result.whenComplete((stream, failure) -> {
			if (failure instanceof CancellationException) {
				sdkCall.cancel(true);
			}
		});
		return result;
	}

	private static InvokeWithResponseStreamRequest streamRequest(InvokeRequest request) {
		return InvokeWithResponseStreamRequest.builder()
			.functionName(request.functionName())
			.qualifier(request.qualifier())
			.invocationType(request.invocationTypeAsString())
			.logType(request.logTypeAsString())
			.clientContext(request.clientContext())
			.tenantId(request.tenantId())
			.payload(request.payload())
			.build();
	}

	private final class Handler implements InvokeWithResponseStreamResponseHandler {

		private final PreparedInvocation invocation;

		private final CompletableFuture<InputStream> result;

		private final ResponseEventInputStream stream;

		private volatile @Nullable InvokeWithResponseStreamResponse response;

		private volatile @Nullable CompletableFuture<Void> call;

		Handler(PreparedInvocation invocation, CompletableFuture<InputStream> result) {
			this.invocation = invocation;
			this.result = result;
			this.stream = new ResponseEventInputStream(this::completionError, this::translate, this::cancel);
		}

		@Override
		public void responseReceived(InvokeWithResponseStreamResponse response) {
			this.response = response;
		}

		@Override
		public void onEventStream(SdkPublisher<InvokeWithResponseStreamResponseEvent> publisher) {
			publisher.subscribe(this.stream);
			if (!this.result.complete(this.stream)) {
				this.stream.close();
			}
		}

		@Override
		public void exceptionOccurred(Throwable failure) {
			if (!this.result.completeExceptionally(translate(failure))) {
				this.stream.fail(failure);
			}
		}

		@Override
		public void complete() {
		}

		private void cancel() {
			CompletableFuture<Void> call = this.call;
			if (call != null) {
				call.cancel(true);
			}
		}

		private RuntimeException translate(Throwable failure) {
			return ResponseStreamInvoker.this.exceptionTranslator.translate(failure, this.invocation.functionKey(),
					this.invocation.qualifier());
		}

		private @Nullable RuntimeException completionError(InvokeWithResponseStreamCompleteEvent event) {
			if (event.errorCode() == null || event.errorCode().isEmpty()) {
				return null;
			}
			byte[] details = (event.errorDetails() != null) ? event.errorDetails().getBytes(StandardCharsets.UTF_8)
					: new byte[0];
			InvokeWithResponseStreamResponse response = this.response;
			LambdaResponse<byte[]> raw = new LambdaResponse<>(this.invocation.functionName(),
					(response != null) ? response.statusCode() : 200,
					(response != null) ? response.executedVersion() : null, FunctionError.fromHeader(event.errorCode()),
					InvocationResponseReader.decodeLogTail(event.logResult()),
					(response != null) ? response.responseMetadata().requestId() : null, details, details);
			return new LambdaFunctionException(this.invocation.functionKey(), this.invocation.qualifier(),
					LambdaErrorDocument.parse(details, ResponseStreamInvoker.this.jsonMapper), raw);
		}

	}

}

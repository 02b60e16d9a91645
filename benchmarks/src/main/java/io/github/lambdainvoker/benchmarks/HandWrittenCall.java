package io.github.lambdainvoker.benchmarks;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The call a careful user writes by hand on the SDK v2 client: a Jackson reader and
 * writer built once, no copies of the payload, and a check for function errors. The
 * baseline every other contender is measured against.
 */
class HandWrittenCall implements Contender.Call {

	private static final ObjectWriter WRITER = JsonMapper.shared().writerFor(Order.class);

	private static final ObjectReader READER = JsonMapper.shared().readerFor(Order.class);

	private final LambdaClient lambda;

	private final String functionName;

	private final Order order;

	HandWrittenCall(LambdaClient lambda, String functionName, Order order) {
		this.lambda = lambda;
		this.functionName = functionName;
		this.order = order;
	}

	@Override
	public Order call() {
		InvokeRequest request = InvokeRequest.builder()
			.functionName(this.functionName)
			.payload(SdkBytes.fromByteArrayUnsafe(WRITER.writeValueAsBytes(this.order)))
			.build();
		InvokeResponse response = this.lambda.invoke(request);
		if (response.functionError() != null) {
			throw new IllegalStateException("Function failed: " + response.payload().asUtf8String());
		}
		return READER.readValue(response.payload().asByteArrayUnsafe());
	}

	/**
	 * The same call, compiled by the JIT on its own: {@link #call()} is compiled once per
	 * class that overrides it, with inlining and escape-analysis decisions of its own, so
	 * this call's difference from the baseline shows how far two compilations of one
	 * call's code can differ.
	 */
	static final class SeparatelyCompiled extends HandWrittenCall {

		SeparatelyCompiled(LambdaClient lambda, String functionName, Order order) {
			super(lambda, functionName, order);
		}

		@Override
		public Order call() {
			return super.call();
		}

	}

}

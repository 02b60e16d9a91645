package io.github.lambdainvoker.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Context} a handler receives: the invocation's identifiers, the function's
 * configuration, the time left before the timeout and the logger.
 */
final class LocalContext implements Context {

	private final String requestId;

	private final ResolvedFunction target;

	private final @Nullable ClientContext clientContext;

	private final @Nullable String tenantId;

	private final long deadlineNanos;

	private final LambdaLogger logger;

	LocalContext(String requestId, ResolvedFunction target, @Nullable ClientContext clientContext,
			@Nullable String tenantId, long deadlineNanos, LambdaLogger logger) {
		this.requestId = requestId;
		this.target = target;
		this.clientContext = clientContext;
		this.tenantId = tenantId;
		this.deadlineNanos = deadlineNanos;
		this.logger = logger;
	}

	@Override
	public String getAwsRequestId() {
		return this.requestId;
	}

	@Override
	public String getLogGroupName() {
		return "/aws/lambda/" + this.target.name();
	}

	@Override
	public String getLogStreamName() {
		return this.target.runtime().logStreamName(this.target.version());
	}

	@Override
	public String getFunctionName() {
		return this.target.name();
	}

	@Override
	public String getFunctionVersion() {
		return this.target.version();
	}

	@Override
	public String getInvokedFunctionArn() {
		return this.target.invokedArn();
	}

	@Override
	public @Nullable CognitoIdentity getIdentity() {
		return null;
	}

	@Override
	public @Nullable ClientContext getClientContext() {
		return this.clientContext;
	}

	@Override
	public int getRemainingTimeInMillis() {
		long remaining = (this.deadlineNanos - System.nanoTime()) / 1_000_000;
		return (int) Math.max(0, remaining);
	}

	@Override
	public int getMemoryLimitInMB() {
		return this.target.runtime().function().memorySize();
	}

	@Override
	public LambdaLogger getLogger() {
		return this.logger;
	}

	// No @Override: Context declares this only from aws-lambda-java-core 1.4.0 on
	public @Nullable String getTenantId() {
		return this.tenantId;
	}

}

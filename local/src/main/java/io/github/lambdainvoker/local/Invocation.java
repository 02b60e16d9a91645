package io.github.lambdainvoker.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import org.jspecify.annotations.Nullable;

/**
 * One accepted call of a function version.
 *
 * @param requestId the request id, also the context's {@code awsRequestId}
 * @param target the function version to run
 * @param payload the request payload, valid JSON
 * @param clientContext the client context, or {@code null}
 * @param tenantId the tenant id, or {@code null}
 */
record Invocation(String requestId, ResolvedFunction target, byte[] payload, @Nullable ClientContext clientContext,
		@Nullable String tenantId) {

}

package io.github.lambdainvoker.local;

import org.jspecify.annotations.Nullable;

/**
 * An Invoke API request, taken from its HTTP form.
 *
 * @param requestId the id given to the request
 * @param functionName the decoded {@code FunctionName} path segment
 * @param qualifier the {@code Qualifier} query parameter, or {@code null}
 * @param invocationType the invocation type
 * @param tail whether the log tail was asked for ({@code X-Amz-Log-Type: Tail})
 * @param clientContext the {@code X-Amz-Client-Context} header, or {@code null}
 * @param tenantId the {@code X-Amz-Tenant-Id} header, or {@code null}
 * @param payload the request body, within the invocation type's limit
 */
record InvokeRequest(String requestId, String functionName, @Nullable String qualifier, InvocationType invocationType,
		boolean tail, @Nullable String clientContext, @Nullable String tenantId, byte[] payload) {

}

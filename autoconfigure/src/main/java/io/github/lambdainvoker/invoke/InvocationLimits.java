package io.github.lambdainvoker.invoke;

/**
 * Lambda's documented Invoke limits, checked before a request is sent.
 */
final class InvocationLimits {

	/** Largest RequestResponse or DryRun payload: 6 MB. */
	public static final int SYNC_PAYLOAD_MAX_BYTES = 6 * 1024 * 1024;

	/** Largest Event payload: 1 MB. */
	public static final int EVENT_PAYLOAD_MAX_BYTES = 1024 * 1024;

	/** Largest client context once base64-encoded. */
	public static final int CLIENT_CONTEXT_MAX_BYTES = 3583;

	private InvocationLimits() {
	}

	/**
	 * Return the largest payload Lambda accepts for an invocation type.
	 * @param invocationType the invocation type
	 * @return the limit in bytes
	 */
	public static int maxPayloadBytes(InvocationType invocationType) {
		return (invocationType == InvocationType.EVENT) ? EVENT_PAYLOAD_MAX_BYTES : SYNC_PAYLOAD_MAX_BYTES;
	}

}

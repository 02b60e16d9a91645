package io.github.lambdainvoker.test;

import java.util.Map;
import java.util.Set;

/**
 * The errors that the Invoke operation documents, with the status code Lambda sends each
 * with, and the reasons it gives for throttling.
 */
final class InvokeErrors {

	/** Status code of each documented error, by error code. */
	static final Map<String, Integer> STATUS_CODES = Map.ofEntries(Map.entry("InvalidParameterValueException", 400),
			Map.entry("InvalidRequestContentException", 400), Map.entry("ModeNotSupportedException", 400),
			Map.entry("NoPublishedVersionException", 400), Map.entry("RecursiveInvocationException", 400),
			Map.entry("SnapStartException", 400), Map.entry("ServiceQuotaExceededException", 402),
			Map.entry("EFSMountFailureException", 403), Map.entry("S3FilesMountFailureException", 403),
			Map.entry("ResourceNotFoundException", 404), Map.entry("EFSMountConnectivityException", 408),
			Map.entry("EFSMountTimeoutException", 408), Map.entry("S3FilesMountConnectivityException", 408),
			Map.entry("S3FilesMountTimeoutException", 408), Map.entry("SnapStartTimeoutException", 408),
			Map.entry("CodeArtifactUserDeletedException", 409), Map.entry("CodeArtifactUserFailedException", 409),
			Map.entry("CodeArtifactUserPendingException", 409),
			Map.entry("DurableExecutionAlreadyStartedException", 409), Map.entry("ResourceConflictException", 409),
			Map.entry("SnapStartNotReadyException", 409), Map.entry("SnapStartRegenerationFailureException", 409),
			Map.entry("EFSIOException", 410), Map.entry("RequestTooLargeException", 413),
			Map.entry("SerializedRequestEntityTooLargeException", 413), Map.entry("UnsupportedMediaTypeException", 415),
			Map.entry("TooManyRequestsException", 429), Map.entry("ServiceException", 500),
			Map.entry("EC2AccessDeniedException", 502), Map.entry("EC2ThrottledException", 502),
			Map.entry("EC2UnexpectedException", 502), Map.entry("ENILimitReachedException", 502),
			Map.entry("ENINotReadyException", 502), Map.entry("InvalidRuntimeException", 502),
			Map.entry("InvalidSecurityGroupIDException", 502), Map.entry("InvalidSubnetIDException", 502),
			Map.entry("InvalidZipFileException", 502), Map.entry("KMSAccessDeniedException", 502),
			Map.entry("KMSDisabledException", 502), Map.entry("KMSInvalidStateException", 502),
			Map.entry("KMSNotFoundException", 502), Map.entry("ResourceNotReadyException", 502),
			Map.entry("SubnetIPAddressLimitReachedException", 502));

	/** Reasons a {@code TooManyRequestsException} can give. */
	static final Set<String> THROTTLE_REASONS = Set.of("ConcurrentInvocationLimitExceeded",
			"FunctionInvocationRateLimitExceeded", "ReservedFunctionConcurrentInvocationLimitExceeded",
			"ReservedFunctionInvocationRateLimitExceeded", "CallerRateLimitExceeded",
			"ConcurrentSnapshotCreateLimitExceeded");

	private InvokeErrors() {
	}

	/**
	 * Return the status code of a documented error.
	 * @param code the error code
	 * @return the status code
	 * @throws IllegalArgumentException if the Invoke operation documents no such error
	 */
	static int statusCode(String code) {
		Integer status = STATUS_CODES.get(code);
		if (status == null) {
			throw new IllegalArgumentException("'" + code + "' is not an error that the Invoke operation documents "
					+ "(such as ResourceNotFoundException or ServiceException); "
					+ "give its status code with apiError(status, code, message)");
		}
		return status;
	}

}

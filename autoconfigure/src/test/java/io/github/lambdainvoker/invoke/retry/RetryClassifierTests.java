package io.github.lambdainvoker.invoke.retry;

import java.time.Duration;

import io.github.lambdainvoker.invoke.LambdaAccessDeniedException;
import io.github.lambdainvoker.invoke.LambdaClientException;
import io.github.lambdainvoker.invoke.LambdaConflictException;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaInvocationException;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.github.lambdainvoker.invoke.LambdaServiceException;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.RetryBudgetSettings;
import io.github.lambdainvoker.invoke.RetrySettings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.notSent;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.throttled;
import static io.github.lambdainvoker.invoke.retry.RetryTestInvocations.timedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which failures are retried and why: only those that cannot have run the function, the
 * others only for idempotent functions, and function errors only when asked for.
 */
class RetryClassifierTests {

	private final RetryClassifier classifier = new RetryClassifier();

	@ParameterizedTest(name = "{0} {1} -> {2} / idempotent {3}")
	@CsvSource(nullValues = "none", textBlock = """
			500, ServiceException,            server_error, server_error
			503, ServiceUnavailableException, server_error, server_error
			502, EC2ThrottledException,       server_error, server_error
			502, EC2UnexpectedException,      server_error, server_error
			502, ResourceNotReadyException,   server_error, server_error
			502, ENINotReadyException,        server_error, server_error
			502, InvalidRuntimeException,     none,         none
			502, EFSIOException,              none,         none
			408, RequestTimeoutException,     not_ready,    not_ready
			409, ResourceConflictException,   not_ready,    not_ready
			409, SnapStartNotReadyException,  not_ready,    not_ready
			409, SomeOtherConflictException,  none,         none
			504, GatewayTimeout,              none,         unknown_outcome
			501, NotImplemented,              none,         unknown_outcome
			507, InsufficientStorage,         none,         unknown_outcome
			400, InvalidParameterValueException, none,      none
			404, ResourceNotFoundException,   none,         none
			413, RequestTooLargeException,    none,         none
			""")
	void serviceErrorsAreRetriedOnlyWhenLambdaDidNotRunTheFunction(int status, String errorCode,
			@Nullable String reason, @Nullable String idempotentReason) {
		LambdaServiceException failure = new LambdaServiceException("failed", "pricing", null, status, errorCode, null,
				null);
		assertThat(this.classifier.retryReason(failure, settings(false, false))).isEqualTo(reason);
		assertThat(this.classifier.retryReason(failure, settings(true, false))).isEqualTo(idempotentReason);
	}

	@Test
	void subclassesOfServiceErrorsAreClassifiedByStatusAndCode() {
		assertThat(this.classifier.retryReason(
				new LambdaServerException("failed", "pricing", null, 500, "ServiceException", null, null),
				settings(false, false)))
			.isEqualTo(RetryClassifier.SERVER_ERROR);
		assertThat(this.classifier.retryReason(
				new LambdaConflictException("updating", "pricing", null, 409, "ResourceConflictException", null, null),
				settings(false, false)))
			.isEqualTo(RetryClassifier.NOT_READY);
		assertThat(this.classifier.retryReason(
				new LambdaAccessDeniedException("denied", "pricing", null, 403, "AccessDeniedException", null, null),
				settings(true, true)))
			.isNull();
	}

	@Test
	void throttlingIsAlwaysRetried() {
		assertThat(this.classifier.retryReason(throttled(null), settings(false, false)))
			.isEqualTo(RetryClassifier.THROTTLED);
		assertThat(this.classifier.retryReason(throttled(Duration.ofSeconds(1)), settings(true, true)))
			.isEqualTo(RetryClassifier.THROTTLED);
	}

	@Test
	void connectionThatFailedBeforeSendingIsRetriedEvenWhenNotIdempotent() {
		assertThat(this.classifier.retryReason(notSent(), settings(false, false)))
			.isEqualTo(RetryClassifier.CONNECTION_FAILURE);
		assertThat(this.classifier.retryReason(notSent(), settings(true, false)))
			.isEqualTo(RetryClassifier.CONNECTION_FAILURE);
	}

	@Test
	void failureAfterSendingIsRetriedOnlyForIdempotentFunctions() {
		LambdaClientException reset = new LambdaClientException("reset", "pricing", null, true, null);
		assertThat(this.classifier.retryReason(reset, settings(false, false))).isNull();
		assertThat(this.classifier.retryReason(reset, settings(true, false)))
			.isEqualTo(RetryClassifier.UNKNOWN_OUTCOME);
		assertThat(this.classifier.retryReason(timedOut(), settings(false, false))).isNull();
		assertThat(this.classifier.retryReason(timedOut(), settings(true, false)))
			.isEqualTo(RetryClassifier.UNKNOWN_OUTCOME);
	}

	@Test
	void functionErrorIsRetriedOnlyWhenAskedFor() {
		LambdaFunctionException failure = mock(LambdaFunctionException.class);
		assertThat(this.classifier.retryReason(failure, settings(true, false))).isNull();
		assertThat(this.classifier.retryReason(failure, settings(false, true)))
			.isEqualTo(RetryClassifier.FUNCTION_ERROR);
	}

	@Test
	void invalidInputIsNeverRetried() {
		LambdaInvocationException failure = new LambdaValidationException("bad", "pricing", null);
		assertThat(this.classifier.retryReason(failure, settings(true, true))).isNull();
	}

	private static RetrySettings settings(boolean idempotent, boolean retryOnFunctionError) {
		return new RetrySettings(true, 3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), false, idempotent,
				retryOnFunctionError, RetryBudgetSettings.UNLIMITED);
	}

}

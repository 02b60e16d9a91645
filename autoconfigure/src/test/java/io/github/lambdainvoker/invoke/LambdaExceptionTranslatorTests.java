package io.github.lambdainvoker.invoke;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ThrottleReason;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How SDK failures become this library's exceptions: the exact type per HTTP status, the
 * throttling details, and whether a network failure happened before the request was sent
 * (which decides whether it is safe to retry).
 */
class LambdaExceptionTranslatorTests {

	private final LambdaExceptionTranslator translator = LambdaExceptionTranslator.INSTANCE;

	@ParameterizedTest(name = "HTTP {0} -> {1}")
	@CsvSource(textBlock = """
			400, LambdaInvalidRequestException
			415, LambdaInvalidRequestException
			403, LambdaAccessDeniedException
			404, LambdaFunctionNotFoundException
			409, LambdaConflictException
			413, LambdaRequestTooLargeException
			500, LambdaServerException
			502, LambdaServerException
			504, LambdaServerException
			422, LambdaServiceException
			499, LambdaServiceException
			""")
	void serviceErrorBecomesTheTypeOfItsStatus(int status, String type) {
		LambdaInvocationException translated = this.translator.translate(serviceError(status, "SomeError"), "pricing",
				"live");
		assertThat(translated.getClass().getSimpleName()).isEqualTo(type);
		LambdaServiceException service = (LambdaServiceException) translated;
		assertThat(service.getStatusCode()).isEqualTo(status);
		assertThat(service.getErrorCode()).isEqualTo("SomeError");
		assertThat(service.getRequestId()).isEqualTo("request-1");
		assertThat(service.getFunctionName()).isEqualTo("pricing");
		assertThat(service.getQualifier()).isEqualTo("live");
		assertThat(service.getMessage()).contains("pricing", "SomeError", "HTTP " + status, "went wrong");
		assertThat(service).hasCauseInstanceOf(LambdaException.class);
	}

	@Test
	void serviceErrorWithoutDetailsIsNamedAfterItsStatus() {
		AwsServiceException failure = LambdaException.builder().statusCode(503).message("unavailable").build();
		LambdaServiceException translated = (LambdaServiceException) this.translator.translate(failure, "pricing",
				null);
		assertThat(translated).isExactlyInstanceOf(LambdaServerException.class);
		assertThat(translated.getErrorCode()).isEqualTo("HTTP503");
		assertThat(translated.getMessage()).contains("unavailable");
	}

	@Test
	void throttlingCarriesItsReasonAndRetryAfter() {
		TooManyRequestsException failure = (TooManyRequestsException) TooManyRequestsException.builder()
			.statusCode(429)
			.reason(ThrottleReason.CONCURRENT_INVOCATION_LIMIT_EXCEEDED)
			.retryAfterSeconds("2")
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorCode("TooManyRequestsException")
				.errorMessage("Rate exceeded")
				.build())
			.build();
		LambdaInvocationException translated = this.translator.translate(failure, "pricing", null);
		assertThat(translated).isExactlyInstanceOf(LambdaThrottlingException.class);
		LambdaThrottlingException throttled = (LambdaThrottlingException) translated;
		assertThat(throttled.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(throttled.getReason()).isEqualTo("ConcurrentInvocationLimitExceeded");
		assertThat(throttled.getMessage()).endsWith("Rate exceeded [ConcurrentInvocationLimitExceeded]");
	}

	@ParameterizedTest(name = "Retry-After ''{0}'' -> {1}")
	@CsvSource(nullValues = "none", textBlock = """
			'3',    3
			' 7 ',  7
			'0',    0
			'soon', none
			'  ',   none
			""")
	void any429ReadsRetryAfterSecondsFromTheResponseHeader(String header, @Nullable Long seconds) {
		AwsServiceException failure = LambdaException.builder()
			.statusCode(429)
			.awsErrorDetails(AwsErrorDetails.builder()
				.errorCode("ThrottlingException")
				.sdkHttpResponse(SdkHttpResponse.builder().statusCode(429).putHeader("Retry-After", header).build())
				.build())
			.build();
		LambdaThrottlingException throttled = (LambdaThrottlingException) this.translator.translate(failure, "pricing",
				null);
		assertThat(throttled.getRetryAfter()).isEqualTo((seconds != null) ? Duration.ofSeconds(seconds) : null);
		assertThat(throttled.getReason()).isNull();
		assertThat(throttled.getMessage()).doesNotContain("[");
	}

	@Test
	void throttlingWithoutRetryAfterHasNone() {
		AwsServiceException failure = LambdaException.builder().statusCode(429).build();
		LambdaThrottlingException throttled = (LambdaThrottlingException) this.translator.translate(failure, "pricing",
				null);
		assertThat(throttled.getRetryAfter()).isNull();
	}

	@Test
	void alreadyTranslatedFailureIsReturnedUnwrapped() {
		LambdaInvocationException original = new LambdaValidationException("bad", "pricing", null);
		assertThat(this.translator.translate(new CompletionException(new ExecutionException(original)), "other", null))
			.isSameAs(original);
	}

	@Test
	void failureWrappedByAFutureIsTranslatedFromItsCause() {
		LambdaInvocationException translated = this.translator
			.translate(new CompletionException(serviceError(404, "ResourceNotFoundException")), "pricing", null);
		assertThat(translated).isExactlyInstanceOf(LambdaFunctionNotFoundException.class);
	}

	@Test
	void sdkTimeoutsBecomeTimeouts() {
		LambdaInvocationException attempt = this.translator
			.translate(ApiCallAttemptTimeoutException.builder().message("attempt too slow").build(), "pricing", null);
		assertThat(attempt).isExactlyInstanceOf(LambdaTimeoutException.class);
		assertThat(attempt.getMessage()).contains("pricing", "timed out", "attempt too slow");
		assertThat(((LambdaClientException) attempt).isOutcomeUnknown()).isTrue();
		LambdaInvocationException call = this.translator
			.translate(ApiCallTimeoutException.builder().message("call too slow").build(), "pricing", null);
		assertThat(call).isExactlyInstanceOf(LambdaTimeoutException.class);
	}

	@Test
	void readTimeoutAfterSendingIsATimeoutWhoseOutcomeIsUnknown() {
		LambdaInvocationException translated = this.translator
			.translate(clientFailure(new SocketTimeoutException("Read timed out")), "pricing", null);
		assertThat(translated).isExactlyInstanceOf(LambdaTimeoutException.class);
		assertThat(((LambdaClientException) translated).isOutcomeUnknown()).isTrue();
		assertThat(translated.getMessage()).contains("read timeout");
	}

	@Test
	void connectionFailuresBeforeSendingAreMarkedNotSent() {
		assertNotSent(new ConnectException("Connection refused"));
		assertNotSent(new UnknownHostException("lambda.invalid"));
		assertNotSent(new NoRouteToHostException("no route"));
		assertNotSent(new ConnectTimeoutException("Connect timed out"));
		assertNotSent(new ConnectionRequestTimeoutException("Timeout deadline: 1000 MILLISECONDS"));
		assertNotSent(new io.netty.channel.ConnectTimeoutException("connection timed out"));
		assertNotSent(new IOException("Acquire operation took longer than the configured maximum time"));
		assertNotSent(new IOException("Timeout waiting for connection from pool"));
	}

	@Test
	void connectionFailureDeepInTheCauseChainIsStillNotSent() {
		IOException wrapped = new IOException("outer", new IOException("middle", new ConnectException("refused")));
		assertNotSent(wrapped);
	}

	@Test
	void networkFailureAfterSendingHasAnUnknownOutcome() {
		LambdaInvocationException translated = this.translator
			.translate(clientFailure(new IOException("Connection reset")), "pricing", "live");
		assertThat(translated).isExactlyInstanceOf(LambdaClientException.class);
		assertThat(((LambdaClientException) translated).isOutcomeUnknown()).isTrue();
		assertThat(translated.getMessage()).contains("pricing", "failed on the network", "Connection reset");
	}

	@Test
	void abortedCallHasAnUnknownOutcomeWhateverItsCause() {
		AbortedException aborted = AbortedException.builder()
			.message("aborted")
			.cause(new ConnectException("refused"))
			.build();
		LambdaInvocationException translated = this.translator.translate(aborted, "pricing", null);
		assertThat(translated).isExactlyInstanceOf(LambdaClientException.class);
		assertThat(((LambdaClientException) translated).isOutcomeUnknown()).isTrue();
	}

	private void assertNotSent(Throwable cause) {
		LambdaInvocationException translated = this.translator.translate(clientFailure(cause), "pricing", null);
		assertThat(translated).as(cause.toString()).isExactlyInstanceOf(LambdaClientException.class);
		assertThat(((LambdaClientException) translated).isOutcomeUnknown()).as(cause.toString()).isFalse();
		assertThat(translated.getMessage()).contains("could not be sent");
	}

	private static SdkClientException clientFailure(Throwable cause) {
		return SdkClientException.builder()
			.message("Unable to execute HTTP request: " + cause.getMessage())
			.cause(cause)
			.build();
	}

	private static AwsServiceException serviceError(int status, String errorCode) {
		return LambdaException.builder()
			.statusCode(status)
			.requestId("request-1")
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage("went wrong").build())
			.build();
	}

}

package io.github.lambdainvoker.local;

import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.amazonaws.services.lambda.runtime.Context;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@code Event} and {@code DryRun} invocations of {@link LocalLambda}.
 */
class LocalLambdaEventTests extends LocalLambdaTestSupport {

	@Test
	void invokeEventReturnsAcceptedBeforeHandlerRuns() {
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Object> input = new AtomicReference<>();
		AtomicReference<Object> clientContext = new AtomicReference<>("unset");
		start(LocalLambda.builder().function("audit", (Object event, Context context) -> {
			TestHandlers.await(release);
			input.set(event);
			clientContext.set(context.getClientContext());
			return "ignored";
		}));
		InvokeResponse response = this.client.invoke((request) -> request.functionName("audit")
			.invocationType(InvocationType.EVENT)
			.logType(LogType.TAIL)
			.clientContext(Base64.getEncoder().encodeToString("{\"custom\":{\"a\":\"b\"}}".getBytes()))
			.payload(TestLambdaClients.json("{\"action\":\"login\"}")));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.payload().asByteArray()).isEmpty();
		assertThat(response.logResult()).isNull();
		assertThat(response.responseMetadata().requestId()).isNotBlank();
		assertThat(input.get()).isNull();
		assertThat(this.lambda.awaitEvents(Duration.ofMillis(50))).isFalse();
		release.countDown();
		assertThat(this.lambda.awaitEvents(Duration.ofSeconds(5))).isTrue();
		assertThat(input.get()).isEqualTo(Map.of("action", "login"));
		assertThat(clientContext.get()).isNull();
	}

	@Test
	void invokeEventWhenHandlerFailsIsStillAccepted() {
		AtomicInteger calls = new AtomicInteger();
		start(LocalLambda.builder().function("failing", (Object event, Context context) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("Boom");
		}));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("failing").invocationType(InvocationType.EVENT));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.functionError()).isNull();
		assertThat(this.lambda.awaitEvents(Duration.ofSeconds(5))).isTrue();
		assertThat(calls).hasValue(1);
	}

	@Test
	void eventsBeyondReservedConcurrencyWaitForCapacityInsteadOfBeingThrottled() {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostRunning = new AtomicInteger();
		AtomicInteger completed = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		start(LocalLambda.builder().function("serial", (Object event, Context context) -> {
			mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			TestHandlers.await(release);
			running.decrementAndGet();
			return completed.incrementAndGet();
		}, (function) -> function.reservedConcurrency(1)));
		for (int i = 0; i < 3; i++) {
			assertThat(
					this.client.invoke((request) -> request.functionName("serial").invocationType(InvocationType.EVENT))
						.statusCode())
				.isEqualTo(202);
		}
		release.countDown();
		assertThat(this.lambda.awaitEvents(Duration.ofSeconds(5))).isTrue();
		assertThat(completed).hasValue(3);
		assertThat(mostRunning).hasValue(1);
	}

	@Test
	void eventsForFunctionWithReservedConcurrencyZeroAreAcceptedButNeverRun() {
		AtomicInteger calls = new AtomicInteger();
		start(LocalLambda.builder()
			.function("off", (Object event, Context context) -> calls.incrementAndGet(),
					(function) -> function.reservedConcurrency(0)));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("off").invocationType(InvocationType.EVENT));
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.lambda.awaitEvents(Duration.ofSeconds(5))).isTrue();
		assertThat(calls).hasValue(0);
	}

	@Test
	void invokeDryRunReturnsNoContentWithoutRunningHandler() {
		AtomicInteger calls = new AtomicInteger();
		start(LocalLambda.builder().function("checked", (Object event, Context context) -> calls.incrementAndGet()));
		InvokeResponse response = this.client
			.invoke((request) -> request.functionName("checked").invocationType(InvocationType.DRY_RUN));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.payload().asByteArray()).isEmpty();
		assertThat(this.lambda.awaitEvents(Duration.ofSeconds(1))).isTrue();
		assertThat(calls).hasValue(0);
	}

	@Test
	void invokeDryRunOfUnknownFunctionThrowsResourceNotFoundException() {
		start(LocalLambda.builder().function("checked", (Object event, Context context) -> null));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> this.client
			.invoke((request) -> request.functionName("unchecked").invocationType(InvocationType.DRY_RUN)));
	}

}

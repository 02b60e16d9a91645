package io.github.lambdainvoker.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.lambdainvoker.local.TestHandlers.PricingHandler;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for starting and stopping a {@link LocalLambda}.
 */
class LocalLambdaLifecycleTests {

	@Test
	void startWithoutPortListensOnFreeLoopbackPort() {
		try (LocalLambda lambda = LocalLambda.builder().start()) {
			assertThat(lambda.isRunning()).isTrue();
			assertThat(lambda.endpoint().getScheme()).isEqualTo("http");
			assertThat(lambda.endpoint().getHost()).isEqualTo("127.0.0.1");
			assertThat(lambda.endpoint().getPort()).isPositive();
		}
	}

	@Test
	void startWithPortListensOnThatPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (LocalLambda lambda = LocalLambda.builder().port(port).start()) {
			assertThat(lambda.endpoint().getPort()).isEqualTo(port);
		}
	}

	@Test
	void endpointWhenNotStartedThrowsIllegalStateException() {
		LocalLambda lambda = LocalLambda.builder().build();
		assertThat(lambda.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(lambda::endpoint);
	}

	@Test
	void startWhenAlreadyStartedOrStoppedThrowsIllegalStateException() {
		LocalLambda lambda = LocalLambda.builder().start();
		assertThatIllegalStateException().isThrownBy(lambda::start);
		lambda.stop();
		lambda.stop();
		assertThat(lambda.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(lambda::start);
	}

	@Test
	void buildCreatesIndependentEmulatorsFromOneBuilder() {
		LocalLambda.Builder builder = LocalLambda.builder().function("pricing", new PricingHandler());
		try (LocalLambda first = builder.start(); LocalLambda second = builder.start()) {
			assertThat(first.endpoint()).isNotEqualTo(second.endpoint());
			assertThat(first.functions()).isEqualTo(second.functions());
		}
	}

	@Test
	void functionWithNameAlreadyServedThrowsIllegalArgumentException() {
		LocalLambda.Builder builder = LocalLambda.builder().function("pricing", new PricingHandler());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.function("pricing", new PricingHandler()))
			.withMessage("Function 'pricing' is already defined");
	}

	@Test
	void stopRestoresStandardStreams() {
		PrintStream out = System.out;
		PrintStream err = System.err;
		LocalLambda first = LocalLambda.builder().start();
		LocalLambda second = LocalLambda.builder().start();
		assertThat(System.out).isNotSameAs(out);
		first.stop();
		assertThat(System.out).isNotSameAs(out);
		second.stop();
		assertThat(System.out).isSameAs(out);
		assertThat(System.err).isSameAs(err);
	}

	@Test
	void stopInterruptsRunningHandlerAndClosesPort() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch interrupted = new CountDownLatch(1);
		LocalLambda lambda = LocalLambda.builder().function("forever", (Object input, Context context) -> {
			running.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				interrupted.countDown();
			}
			return null;
		}, (function) -> function.timeout(Duration.ofMinutes(1))).start();
		try (LambdaClient client = TestLambdaClients.create(lambda.endpoint())) {
			CompletableFuture<?> call = CompletableFuture
				.runAsync(() -> client.invoke((request) -> request.functionName("forever")));
			assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
			lambda.stop();
			assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
			assertThatExceptionOfType(Exception.class).isThrownBy(() -> call.get(5, TimeUnit.SECONDS));
			assertThatExceptionOfType(SdkException.class)
				.isThrownBy(() -> client.invoke((request) -> request.functionName("forever")));
		}
	}

}

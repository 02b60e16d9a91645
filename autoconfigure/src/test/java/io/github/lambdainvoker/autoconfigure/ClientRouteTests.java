package io.github.lambdainvoker.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Tests for {@link ClientRoute}: the asynchronous client is built once, on first use, and
 * closing closes exactly the clients the route owns.
 */
class ClientRouteTests {

	private final LambdaClient client = mock(LambdaClient.class);

	@Test
	void asyncClientIsBuiltOnceWhenManyThreadsAskFirstAtOnce() throws Exception {
		LambdaAsyncClient asyncClient = mock(LambdaAsyncClient.class);
		AtomicInteger built = new AtomicInteger();
		ClientRoute route = new ClientRoute(this.client, true, "eu-west-1", null, () -> {
			built.incrementAndGet();
			return asyncClient;
		});
		assertThat(route.hasAsyncClient()).isFalse();
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<LambdaAsyncClient>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return route.asyncClient();
				}));
			}
			start.countDown();
			for (Future<LambdaAsyncClient> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(asyncClient);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(built).hasValue(1);
		assertThat(route.hasAsyncClient()).isTrue();
	}

	@Test
	void closeClosesTheClientsTheRouteBuilt() {
		LambdaAsyncClient asyncClient = mock(LambdaAsyncClient.class);
		ClientRoute route = new ClientRoute(this.client, true, "eu-west-1", null, () -> asyncClient);
		route.asyncClient();
		route.close();
		verify(asyncClient).close();
		verify(this.client).close();
	}

	@Test
	void closeLeavesClientsItWasGivenOpen() {
		LambdaAsyncClient asyncClient = mock(LambdaAsyncClient.class);
		ClientRoute route = new ClientRoute(this.client, false, "eu-west-1", asyncClient,
				() -> mock(LambdaAsyncClient.class));
		assertThat(route.asyncClient()).isSameAs(asyncClient);
		route.close();
		verify(asyncClient, never()).close();
		verify(this.client, never()).close();
	}

	@Test
	void closeBuildsNoAsyncClientThatWasNeverUsed() {
		AtomicInteger built = new AtomicInteger();
		ClientRoute route = new ClientRoute(this.client, true, "eu-west-1", null, () -> {
			built.incrementAndGet();
			return mock(LambdaAsyncClient.class);
		});
		route.close();
		assertThat(built).hasValue(0);
		assertThatIllegalStateException().isThrownBy(route::asyncClient).withMessageContaining("closed");
		assertThat(built).hasValue(0);
	}

	@Test
	void routeWithoutAsyncSupportHasNoAsyncClient() {
		ClientRoute route = new ClientRoute(this.client, true, null, null, null);
		assertThat(route.asyncClient()).isNull();
		assertThat(route.region()).isNull();
	}

}

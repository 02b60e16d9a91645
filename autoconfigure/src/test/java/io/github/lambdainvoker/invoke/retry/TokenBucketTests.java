package io.github.lambdainvoker.invoke.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket behind a retry budget: it starts full, pays only what it holds, never
 * refills past its capacity, and stays exact when many threads use it at once.
 */
class TokenBucketTests {

	@Test
	void bucketStartsFull() {
		TokenBucket bucket = new TokenBucket(500);
		assertThat(bucket.availableTokens()).isEqualTo(500);
		assertThat(bucket.capacity()).isEqualTo(500);
	}

	@Test
	void descriptionShowsTheTokensLeftOfTheCapacity() {
		TokenBucket bucket = new TokenBucket(10);
		bucket.tryAcquire(3);
		assertThat(bucket).hasToString("TokenBucket[7/10]");
	}

	@Test
	void acquirePaysOnlyWhatTheBucketHolds() {
		TokenBucket bucket = new TokenBucket(12);
		assertThat(bucket.tryAcquire(5)).isTrue();
		assertThat(bucket.tryAcquire(5)).isTrue();
		assertThat(bucket.availableTokens()).isEqualTo(2);
		assertThat(bucket.tryAcquire(5)).isFalse();
		assertThat(bucket.availableTokens()).isEqualTo(2);
		assertThat(bucket.tryAcquire(2)).isTrue();
		assertThat(bucket.availableTokens()).isZero();
	}

	@Test
	void freeRetriesAreAlwaysPaid() {
		TokenBucket bucket = new TokenBucket(1);
		assertThat(bucket.tryAcquire(1)).isTrue();
		assertThat(bucket.tryAcquire(0)).isTrue();
		assertThat(bucket.availableTokens()).isZero();
	}

	@Test
	void refundNeverFillsPastTheCapacity() {
		TokenBucket bucket = new TokenBucket(10);
		bucket.tryAcquire(7);
		bucket.refund(5);
		assertThat(bucket.availableTokens()).isEqualTo(8);
		bucket.refund(5);
		assertThat(bucket.availableTokens()).isEqualTo(10);
		bucket.refund(1);
		assertThat(bucket.availableTokens()).isEqualTo(10);
	}

	@Test
	void concurrentRetriesTakeExactlyWhatTheBucketHolds() throws Exception {
		TokenBucket bucket = new TokenBucket(500);
		AtomicInteger paid = new AtomicInteger();
		runOnManyThreads(() -> {
			for (int i = 0; i < 1000; i++) {
				if (bucket.tryAcquire(5)) {
					paid.incrementAndGet();
				}
			}
		});
		assertThat(paid.get()).isEqualTo(100);
		assertThat(bucket.availableTokens()).isZero();
	}

	@Test
	void concurrentRetriesAndRefundsKeepTheCountExact() throws Exception {
		TokenBucket bucket = new TokenBucket(500);
		AtomicInteger paid = new AtomicInteger();
		runOnManyThreads(() -> {
			for (int i = 0; i < 1000; i++) {
				if (bucket.tryAcquire(5)) {
					paid.incrementAndGet();
					bucket.refund(5);
				}
			}
		});
		assertThat(paid.get()).isEqualTo(16 * 1000);
		assertThat(bucket.availableTokens()).isEqualTo(500);
	}

	private static void runOnManyThreads(Runnable task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < 16; t++) {
			futures.add(threads.submit(() -> {
				start.await();
				task.run();
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get();
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
	}

}

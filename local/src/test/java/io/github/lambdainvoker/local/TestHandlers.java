package io.github.lambdainvoker.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

/**
 * Handlers and payload types shared by the emulator's tests.
 */
final class TestHandlers {

	private TestHandlers() {
	}

	/**
	 * Wait for a latch from inside a handler, which may not throw checked exceptions.
	 * @param latch the latch
	 */
	static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Latch not released in time");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	record Quote(String sku, int quantity) {
	}

	record Price(String sku, long cents) {
	}

	/**
	 * Prices a quote: 250 cents per item.
	 */
	static final class PricingHandler implements RequestHandler<Quote, Price> {

		@Override
		public Price handleRequest(Quote quote, Context context) {
			return new Price(quote.sku(), 250L * quote.quantity());
		}

	}

	/**
	 * Upper-cases the raw payload.
	 */
	static final class UpperCaseStreamHandler implements RequestStreamHandler {

		@Override
		public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
			output.write(new String(input.readAllBytes()).toUpperCase(Locale.ROOT).getBytes());
		}

	}

}

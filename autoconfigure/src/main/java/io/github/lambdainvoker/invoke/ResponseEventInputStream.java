package io.github.lambdainvoker.invoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;

/**
 * The bytes of a streamed response as an {@link InputStream}: subscribes to the SDK's
 * events, hands each {@code PayloadChunk} to the reader as it arrives and requests the
 * next event only once the reader has taken the previous one, so at most one chunk waits
 * in memory. A failed {@code InvokeComplete} event, or a failure of the connection, is
 * thrown by the read that reaches it. Closing the stream cancels the subscription and the
 * call, which releases the connection.
 */
final class ResponseEventInputStream extends InputStream implements Subscriber<InvokeWithResponseStreamResponseEvent> {

	private static final Object END = new Object();

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

	private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

	private final Function<InvokeWithResponseStreamCompleteEvent, @Nullable RuntimeException> completion;

	private final Function<Throwable, RuntimeException> failureTranslator;

	private final Runnable cancellation;

	private volatile @Nullable Subscription subscription;

	private ByteBuffer current = EMPTY;

	private boolean finished;

	private @Nullable RuntimeException failure;

	private volatile boolean closed;

	/**
	 * Create a stream.
	 * @param completion returns the exception a completion event stands for, or
	 * {@code null} when the function succeeded
	 * @param failureTranslator translates a failure of the call
	 * @param cancellation cancels the call
	 */
	ResponseEventInputStream(Function<InvokeWithResponseStreamCompleteEvent, @Nullable RuntimeException> completion,
			Function<Throwable, RuntimeException> failureTranslator, Runnable cancellation) {
		this.completion = completion;
		this.failureTranslator = failureTranslator;
		this.cancellation = cancellation;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		this.subscription = subscription;
		if (this.closed) {
			subscription.cancel();
		}
		else {
			subscription.request(1);
		}
	}

	@Override
	public void onNext(InvokeWithResponseStreamResponseEvent event) {
		if (event instanceof InvokeResponseStreamUpdate update) {
			SdkBytes payload = update.payload();
			if (payload != null && payload.asByteBuffer().hasRemaining()) {
				this.events.add(payload.asByteBuffer());
				return;
			}
		}
		else if (event instanceof InvokeWithResponseStreamCompleteEvent complete) {
			RuntimeException error = this.completion.apply(complete);
			this.events.add((error != null) ? error : END);
			return;
		}
		requestNext();
	}

	@Override
	public void onError(Throwable failure) {
		fail(failure);
	}

	@Override
	public void onComplete() {
		this.events.add(END);
	}

	/**
	 * End the stream with a failure of the call, thrown by the read that reaches it.
	 * @param failure the failure, translated before it is thrown
	 */
	void fail(Throwable failure) {
		this.events.add(this.failureTranslator.apply(failure));
	}

	@Override
	public int read() throws IOException {
		if (!advance()) {
			return -1;
		}
		return this.current.get() & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
		if (length == 0) {
			return 0;
		}
		if (!advance()) {
			return -1;
		}
		int count = Math.min(length, this.current.remaining());
		this.current.get(buffer, offset, count);
		return count;
	}

	@Override
	public int available() throws IOException {
		return this.closed ? 0 : this.current.remaining();
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.finished = true;
		this.current = EMPTY;
		Subscription subscription = this.subscription;
		if (subscription != null) {
			subscription.cancel();
		}
		this.cancellation.run();
	}

	private boolean advance() throws IOException {
		if (this.closed) {
			throw new IOException("Stream closed");
		}
		while (!this.current.hasRemaining()) {
			if (this.finished) {
				if (this.failure != null) {
					throw this.failure;
				}
				return false;
			}
			Object event = take();
			if (event instanceof ByteBuffer chunk) {
				this.current = chunk;
				requestNext();
			}
			else {
				this.finished = true;
				this.failure = (event instanceof RuntimeException ex) ? ex : null;
			}
		}
		return true;
	}

	private Object take() throws InterruptedIOException {
		try {
			return this.events.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			InterruptedIOException interrupted = new InterruptedIOException("Interrupted while waiting for a chunk");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	private void requestNext() {
		Subscription subscription = this.subscription;
		if (subscription != null && !this.closed) {
			subscription.request(1);
		}
	}

}

package io.github.lambdainvoker.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.ReactiveAdapter;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

/**
 * Returns a call as a reactive type through its {@link ReactiveAdapter}: built on
 * Reactor, lazy (the call starts on subscription, once per subscription) and cancelled
 * with the subscription. Only loaded when Reactor is on the class path.
 */
final class ReactiveReturnAdapter implements AsyncReturnAdapter {

	private static final int CHUNK_SIZE = 8192;

	private final ReactiveAdapter adapter;

	private final @Nullable ChunkType chunkType;

	private ReactiveReturnAdapter(ReactiveAdapter adapter, @Nullable ChunkType chunkType) {
		this.adapter = adapter;
		this.chunkType = chunkType;
	}

	/**
	 * Return an adapter to a type that emits the result of the call, or nothing.
	 * @param adapter the adapter of the declared type
	 * @return the return adapter
	 */
	static ReactiveReturnAdapter singleValue(ReactiveAdapter adapter) {
		return new ReactiveReturnAdapter(adapter, null);
	}

	/**
	 * Return an adapter to a type that emits the chunks of a streamed response, read from
	 * the response body as they arrive.
	 * @param adapter the adapter of the declared type
	 * @param chunkType the type of the chunks
	 * @return the return adapter
	 */
	static ReactiveReturnAdapter chunks(ReactiveAdapter adapter, ChunkType chunkType) {
		return new ReactiveReturnAdapter(adapter, chunkType);
	}

	@Override
	public Object adapt(Supplier<? extends CompletableFuture<?>> call, @Nullable Object @Nullable [] arguments) {
		ChunkType chunkType = this.chunkType;
		// Mono.fromFuture(Supplier) asks for the future on subscription and cancels it
		// when the subscription is cancelled.
		Mono<?> result = Mono.fromFuture(call);
		return this.adapter.fromPublisher((chunkType != null)
				? result.flatMapMany((body) -> read((InputStream) body).map(chunkType::wrap)) : result);
	}

	/**
	 * Read a response body chunk by chunk on a thread that may block: each read returns
	 * at most the rest of one chunk of the stream. Cancelling closes the body, which
	 * cancels the call.
	 */
	private static Flux<byte[]> read(InputStream body) {
		AtomicBoolean cancelled = new AtomicBoolean();
		return Flux.<byte[]>generate((sink) -> {
			byte[] buffer = new byte[CHUNK_SIZE];
			try {
				int count = body.read(buffer);
				if (count < 0) {
					sink.complete();
				}
				else {
					sink.next((count < buffer.length) ? Arrays.copyOf(buffer, count) : buffer);
				}
			}
			catch (IOException | RuntimeException ex) {
				// A read that ends because the subscriber cancelled reports nothing.
				if (cancelled.get()) {
					sink.complete();
				}
				else {
					sink.error(ex);
				}
			}
		}).doOnCancel(() -> {
			cancelled.set(true);
			closeQuietly(body);
		}).doFinally((signal) -> closeQuietly(body)).subscribeOn(Schedulers.boundedElastic());
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException ex) {
			// Nothing is left to read from it.
		}
	}

	/**
	 * What the chunks of a streamed response are emitted as.
	 */
	enum ChunkType {

		/** The bytes of each chunk. */
		BYTES {

			@Override
			Object wrap(byte[] chunk) {
				return chunk;
			}

		},

		/**
		 * Each chunk wrapped in a {@link org.springframework.core.io.buffer.DataBuffer}.
		 */
		DATA_BUFFER {

			@Override
			Object wrap(byte[] chunk) {
				return DefaultDataBufferFactory.sharedInstance.wrap(chunk);
			}

		};

		abstract Object wrap(byte[] chunk);

	}

}

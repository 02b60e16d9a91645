package io.github.lambdainvoker.invoke;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes request payloads and reads response payloads. Raw payloads ({@code byte[]},
 * {@code String}, {@code InputStream}, {@code ByteBuffer}) pass through unchanged; any
 * other object goes through the application's Jackson {@link JsonMapper}. Readers and
 * writers are built once per type and cached.
 */
final class PayloadCodec {

	private static final PayloadReader<byte[]> BYTES = (payload) -> payload;

	private static final PayloadReader<String> TEXT = (payload) -> new String(payload, StandardCharsets.UTF_8);

	private static final PayloadReader<InputStream> STREAM = ByteArrayInputStream::new;

	private static final PayloadReader<ByteBuffer> BUFFER = ByteBuffer::wrap;

	private static final PayloadReader<Void> NONE = (payload) -> null;

	private final JsonMapper jsonMapper;

	private final ConcurrentMap<Type, PayloadReader<?>> readers = new ConcurrentHashMap<>();

	private final ConcurrentMap<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

	public PayloadCodec(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the mapper used for JSON payloads.
	 * @return the JSON mapper
	 */
	public JsonMapper getJsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Write a payload to bytes, serialising objects once and wrapping raw payloads
	 * without copying where possible.
	 * @param payload the payload, or {@code null} for none
	 * @param maxBytes the largest payload allowed; a stream is read no further than one
	 * byte past it, so an oversized stream is detected without reading it all
	 * @return the payload bytes, or {@code null} when there is no payload
	 * @throws tools.jackson.core.JacksonException if the object cannot be written as JSON
	 */
	public byte @Nullable [] write(@Nullable Object payload, int maxBytes) {
		if (payload == null) {
			return null;
		}
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		if (payload instanceof InputStream stream) {
			return readAtMost(stream, maxBytes);
		}
		if (payload instanceof ByteBuffer buffer) {
			return toArray(buffer);
		}
		ObjectWriter writer = this.writers.get(payload.getClass());
		if (writer == null) {
			writer = this.writers.computeIfAbsent(payload.getClass(), this.jsonMapper::writerFor);
		}
		return writer.writeValueAsBytes(payload);
	}

	/**
	 * Return the reader for a type: raw types are returned as they are, {@code Void}
	 * discards the payload and any other type is read as JSON.
	 * @param <T> the type to read
	 * @param type the type to read, possibly generic such as {@code List<Order>}
	 * @return the cached reader
	 */
	@SuppressWarnings("unchecked")
	public <T> PayloadReader<T> reader(Type type) {
		// Look up before computing: the method reference would be a new object per call.
		PayloadReader<?> reader = this.readers.get(type);
		if (reader == null) {
			reader = this.readers.computeIfAbsent(type, this::createReader);
		}
		return (PayloadReader<T>) reader;
	}

	private PayloadReader<?> createReader(Type type) {
		if (type == byte[].class) {
			return BYTES;
		}
		if (type == String.class) {
			return TEXT;
		}
		if (type == InputStream.class) {
			return STREAM;
		}
		if (type == ByteBuffer.class) {
			return BUFFER;
		}
		if (type == Void.class || type == void.class) {
			return NONE;
		}
		JavaType javaType = this.jsonMapper.getTypeFactory().constructType(type);
		ObjectReader reader = this.jsonMapper.readerFor(javaType);
		return (payload) -> (payload.length != 0) ? reader.readValue(payload) : null;
	}

	private static byte[] readAtMost(InputStream stream, int maxBytes) {
		try (stream) {
			return stream.readNBytes(maxBytes + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the payload stream", ex);
		}
	}

	private static byte[] toArray(ByteBuffer buffer) {
		if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
				&& buffer.remaining() == buffer.array().length) {
			return buffer.array();
		}
		byte[] bytes = new byte[buffer.remaining()];
		buffer.duplicate().get(bytes);
		return bytes;
	}

}

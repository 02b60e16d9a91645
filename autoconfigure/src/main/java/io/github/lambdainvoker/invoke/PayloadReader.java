package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.Nullable;

/**
 * Turns the bytes of a response payload into a value of one type. Obtained once per type
 * from {@link PayloadCodec#reader(java.lang.reflect.Type)} and reused.
 *
 * @param <T> the type it reads
 */
@FunctionalInterface
interface PayloadReader<T> {

	/**
	 * Read a payload.
	 * @param payload the payload bytes, possibly empty
	 * @return the value, or {@code null} for an empty payload or JSON {@code null}
	 * @throws RuntimeException if the payload cannot be read as the type
	 */
	@Nullable T read(byte[] payload);

}

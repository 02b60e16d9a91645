package io.github.lambdainvoker.invoke;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writing request payloads and reading response payloads: raw types pass through,
 * everything else is JSON.
 */
class PayloadCodecTests {

	private final PayloadCodec codec = new PayloadCodec(JsonMapper.shared());

	@Test
	void noPayloadWritesNothing() {
		assertThat(this.codec.write(null, 10)).isNull();
	}

	@Test
	void bytesAndTextAreSentAsTheyAre() {
		byte[] bytes = { 1, 2, 3 };
		assertThat(this.codec.write(bytes, 10)).containsExactly(1, 2, 3);
		assertThat(this.codec.write("grüße", 100)).isEqualTo("grüße".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void objectIsWrittenAsJson() {
		assertThat(new String(this.codec.write(new Order("o-1", List.of("a", "b")), 100), StandardCharsets.UTF_8))
			.isEqualTo("{\"id\":\"o-1\",\"items\":[\"a\",\"b\"]}");
	}

	@Test
	void streamIsReadWholeWhenItFits() {
		assertThat(this.codec.write(new ByteArrayInputStream(new byte[] { 1, 2, 3 }), 3)).containsExactly(1, 2, 3);
	}

	@Test
	void streamIsReadNoFurtherThanOneBytePastTheLimitAndClosed() {
		ClosingStream stream = new ClosingStream(new byte[100]);
		assertThat(this.codec.write(stream, 10)).hasSize(11);
		assertThat(stream.closed).isTrue();
	}

	@Test
	void streamThatFailsIsReportedAsUnreadable() {
		InputStream broken = new InputStream() {

			@Override
			public int read() throws IOException {
				throw new IOException("disk gone");
			}

		};
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.codec.write(broken, 10))
			.withMessage("Could not read the payload stream")
			.withCauseInstanceOf(IOException.class);
	}

	@Test
	void byteBufferSendsExactlyItsRemainingBytesAndIsNotConsumed() {
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 0, 1, 2, 3, 4, 5 });
		buffer.position(2).limit(5);
		assertThat(this.codec.write(buffer, 10)).containsExactly(2, 3, 4);
		assertThat(buffer.position()).isEqualTo(2);
		assertThat(buffer.remaining()).isEqualTo(3);
	}

	@Test
	void sliceOfAByteBufferSendsOnlyTheSlice() {
		ByteBuffer slice = ByteBuffer.wrap(new byte[] { 0, 1, 2, 3, 4, 5 }).position(1).slice().limit(2);
		assertThat(this.codec.write(slice, 10)).containsExactly(1, 2);
	}

	@Test
	void bufferThatIsShorterThanItsArraySendsOnlyItsContent() {
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 7, 8, 9 }).limit(2);
		assertThat(this.codec.write(buffer, 10)).containsExactly(7, 8);
	}

	@Test
	void wholeHeapBufferAndDirectBufferSendTheirBytes() {
		assertThat(this.codec.write(ByteBuffer.wrap(new byte[] { 7, 8, 9 }), 10)).containsExactly(7, 8, 9);
		ByteBuffer direct = ByteBuffer.allocateDirect(3).put(new byte[] { 4, 5, 6 }).flip();
		assertThat(this.codec.write(direct, 10)).containsExactly(4, 5, 6);
		assertThat(this.codec.write(ByteBuffer.wrap(new byte[] { 1, 2 }).asReadOnlyBuffer(), 10)).containsExactly(1, 2);
	}

	@Test
	void wholeHeapBufferIsSentWithoutCopyingItsArray() {
		byte[] array = { 7, 8, 9 };
		assertThat(this.codec.write(ByteBuffer.wrap(array), 10)).isSameAs(array);
	}

	@Test
	void rawTypesAreReadAsTheyAre() {
		byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.codec.<byte[]>reader(byte[].class).read(payload)).isSameAs(payload);
		assertThat(this.codec.<String>reader(String.class).read(payload)).isEqualTo("{\"a\":1}");
		assertThat(this.codec.<InputStream>reader(InputStream.class).read(payload)).hasBinaryContent(payload);
		assertThat(this.codec.<ByteBuffer>reader(ByteBuffer.class).read(payload)).isEqualTo(ByteBuffer.wrap(payload));
	}

	@Test
	void voidDiscardsThePayload() {
		byte[] payload = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.codec.<Void>reader(Void.class).read(payload)).isNull();
		assertThat(this.codec.<Void>reader(void.class).read(payload)).isNull();
	}

	@Test
	void otherTypesAreReadAsJsonWithTheirGenerics() {
		Type type = new TypeReference<List<Order>>() {
		}.getType();
		List<Order> orders = this.codec.<List<Order>>reader(type)
			.read("[{\"id\":\"o-1\",\"items\":[]}]".getBytes(StandardCharsets.UTF_8));
		assertThat(orders).containsExactly(new Order("o-1", List.of()));
	}

	@Test
	void emptyJsonPayloadIsReadAsNull() {
		assertThat(this.codec.<Order>reader(Order.class).read(new byte[0])).isNull();
	}

	record Order(String id, List<String> items) {
	}

	static final class ClosingStream extends ByteArrayInputStream {

		boolean closed;

		ClosingStream(byte[] bytes) {
			super(bytes);
		}

		@Override
		public void close() throws IOException {
			this.closed = true;
			super.close();
		}

	}

}

package io.github.lambdainvoker.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.jspecify.annotations.Nullable;

/**
 * The execution log of one invocation: what the handler writes through its
 * {@link LambdaLogger} or the standard streams, between the runtime's {@code START} and
 * {@code REPORT} lines. Only the last 4 KB are kept, which is what Lambda returns as the
 * log tail.
 */
final class InvocationLog implements LambdaLogger {

	/** Bytes of the log that Lambda returns in {@code X-Amz-Log-Result}. */
	static final int TAIL_BYTES = 4 * 1024;

	private static final byte[] NEWLINE = { '\n' };

	private final byte[] ring = new byte[TAIL_BYTES];

	private final PrintStream console;

	private long written;

	/**
	 * Create an empty log.
	 * @param console where {@link LambdaLogger} output is echoed, as it would be to the
	 * function's log group
	 */
	InvocationLog(PrintStream console) {
		this.console = console;
	}

	@Override
	public void log(@Nullable String message) {
		log(String.valueOf(message).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void log(byte[] message) {
		boolean newline = message.length == 0 || message[message.length - 1] != '\n';
		append(message, 0, message.length);
		if (newline) {
			append(NEWLINE, 0, 1);
		}
		synchronized (this.console) {
			this.console.write(message, 0, message.length);
			if (newline) {
				this.console.println();
			}
			this.console.flush();
		}
	}

	/**
	 * Add a line written by the runtime itself.
	 * @param line the line, without its line break
	 */
	void line(String line) {
		byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
		append(bytes, 0, bytes.length);
	}

	/**
	 * Add what the handler wrote to a standard stream.
	 * @param bytes the buffer
	 * @param offset the start of the bytes written
	 * @param length how many bytes were written
	 */
	synchronized void append(byte[] bytes, int offset, int length) {
		int start = offset + Math.max(0, length - TAIL_BYTES);
		int count = Math.min(length, TAIL_BYTES);
		int position = (int) ((this.written + length - count) % TAIL_BYTES);
		int first = Math.min(count, TAIL_BYTES - position);
		System.arraycopy(bytes, start, this.ring, position, first);
		System.arraycopy(bytes, start + first, this.ring, 0, count - first);
		this.written += length;
	}

	/**
	 * Return the end of the log.
	 * @return the last {@value #TAIL_BYTES} bytes written, or fewer if less was written
	 */
	synchronized byte[] tail() {
		if (this.written <= TAIL_BYTES) {
			byte[] tail = new byte[(int) this.written];
			System.arraycopy(this.ring, 0, tail, 0, tail.length);
			return tail;
		}
		int position = (int) (this.written % TAIL_BYTES);
		byte[] tail = new byte[TAIL_BYTES];
		System.arraycopy(this.ring, position, tail, 0, TAIL_BYTES - position);
		System.arraycopy(this.ring, 0, tail, TAIL_BYTES - position, position);
		return tail;
	}

}

package io.github.lambdainvoker.local;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Copies what a handler writes to {@code System.out} and {@code System.err} into the log
 * of the invocation that its thread is running, while still writing it to the console.
 * The standard streams are replaced once while any emulator runs, and put back when the
 * last one stops; threads that run no invocation write straight through.
 */
final class StandardStreamCapture {

	private static final ThreadLocal<InvocationLog> current = new ThreadLocal<>();

	private static final Object lock = new Object();

	private static int users;

	private static @Nullable PrintStream originalOut;

	private static @Nullable PrintStream originalErr;

	private static @Nullable PrintStream installedOut;

	private static @Nullable PrintStream installedErr;

	private StandardStreamCapture() {
	}

	/**
	 * Replace the standard streams, unless another emulator already did.
	 */
	static void install() {
		synchronized (lock) {
			if (users++ == 0) {
				originalOut = System.out;
				originalErr = System.err;
				installedOut = tee(System.out);
				installedErr = tee(System.err);
				System.setOut(installedOut);
				System.setErr(installedErr);
			}
		}
	}

	/**
	 * Put the standard streams back once no emulator runs, unless someone replaced them
	 * in the meantime.
	 */
	static void uninstall() {
		synchronized (lock) {
			if (users == 0 || --users > 0) {
				return;
			}
			if (System.out == installedOut && originalOut != null) {
				System.setOut(originalOut);
			}
			if (System.err == installedErr && originalErr != null) {
				System.setErr(originalErr);
			}
			originalOut = null;
			originalErr = null;
			installedOut = null;
			installedErr = null;
		}
	}

	/**
	 * Return the console as it was before the streams were replaced.
	 * @return the original standard output
	 */
	static PrintStream console() {
		synchronized (lock) {
			return (originalOut != null) ? originalOut : System.out;
		}
	}

	/**
	 * Send what the calling thread writes to the standard streams to a log as well.
	 * @param log the log of the invocation the thread runs
	 */
	static void attach(InvocationLog log) {
		current.set(log);
	}

	/**
	 * Stop copying the calling thread's output.
	 */
	static void detach() {
		current.remove();
	}

	private static PrintStream tee(PrintStream target) {
		return new PrintStream(new TeeOutputStream(target), true, StandardCharsets.UTF_8);
	}

	/**
	 * Writes to the console and to the log attached to the writing thread.
	 */
	private static final class TeeOutputStream extends OutputStream {

		private final PrintStream target;

		TeeOutputStream(PrintStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			this.target.write(bytes, offset, length);
			InvocationLog log = current.get();
			if (log != null) {
				log.append(bytes, offset, length);
			}
		}

		@Override
		public void flush() {
			this.target.flush();
		}

	}

}

package io.github.lambdainvoker.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * An in-process JFR recording of {@code jdk.VirtualThreadPinned} events with no duration
 * threshold, so that every time a virtual thread parks or blocks without leaving its
 * carrier counts, not only the waits over JFR's default 20 ms.
 */
final class PinnedCarrierRecording implements AutoCloseable {

	private static final String PINNED = "jdk.VirtualThreadPinned";

	private final Recording recording = new Recording();

	private final Path dump;

	/**
	 * Start recording.
	 * @param directory where the recording is written when it stops
	 */
	PinnedCarrierRecording(Path directory) {
		this.dump = directory.resolve("pinned.jfr");
		this.recording.enable(PINNED).withoutThreshold().withStackTrace();
		this.recording.start();
	}

	/**
	 * Stop recording and return what was recorded.
	 * @return the pinned events, oldest first
	 */
	List<RecordedEvent> stop() {
		this.recording.stop();
		try {
			this.recording.dump(this.dump);
			return RecordingFile.readAllEvents(this.dump)
				.stream()
				.filter((event) -> event.getEventType().getName().equals(PINNED))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Describe pinned events for an assertion message: where each virtual thread was
	 * pinned and why.
	 * @param events the events
	 * @return one line per event
	 */
	static String describe(List<RecordedEvent> events) {
		return events.stream().map(PinnedCarrierRecording::describe).collect(Collectors.joining("\n"));
	}

	private static String describe(RecordedEvent event) {
		String reason = event.hasField("pinnedReason") ? event.getString("pinnedReason") : "unknown reason";
		String frames = (event.getStackTrace() != null) ? event.getStackTrace()
			.getFrames()
			.stream()
			.limit(12)
			.map(RecordedFrame::getMethod)
			.map((method) -> method.getType().getName() + "." + method.getName())
			.collect(Collectors.joining(" < ")) : "no stack trace";
		return event.getDuration() + " pinned (" + reason + "): " + frames;
	}

	@Override
	public void close() {
		this.recording.close();
	}

}

package io.github.lambdainvoker.invoke;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Responses of {@code InvokeWithResponseStream} for WireMock: event-stream frames built
 * with the SDK's own encoder.
 */
public final class EventStreamFrames {

	private EventStreamFrames() {
	}

	/**
	 * Return the path of {@code InvokeWithResponseStream} for a function.
	 * @param function the function name
	 * @return the URL path
	 */
	public static String streamingPath(String function) {
		return "/2021-11-15/functions/" + function + "/response-streaming-invocations";
	}

	/**
	 * Return a 200 event-stream response with the given frames as its body.
	 * @param frames the frames
	 * @return the response
	 */
	public static ResponseDefinitionBuilder eventStream(byte[]... frames) {
		return eventStreamResponse().withBody(concat(frames));
	}

	/**
	 * Return a 200 event-stream response without a body.
	 * @return the response
	 */
	public static ResponseDefinitionBuilder eventStreamResponse() {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/vnd.amazon.eventstream")
			.withHeader("X-Amz-Executed-Version", "$LATEST");
	}

	/**
	 * Return a {@code PayloadChunk} event.
	 * @param text the chunk's bytes, as UTF-8 text
	 * @return the frame
	 */
	public static byte[] chunk(String text) {
		return frame("PayloadChunk", "application/octet-stream", text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Return an {@code InvokeComplete} event.
	 * @param errorCode the error code, or {@code null} when the function succeeded
	 * @param errorDetails the error details
	 * @return the frame
	 */
	public static byte[] complete(@Nullable String errorCode, @Nullable String errorDetails) {
		Map<String, String> members = new LinkedHashMap<>();
		if (errorCode != null) {
			members.put("ErrorCode", errorCode);
		}
		if (errorDetails != null) {
			members.put("ErrorDetails", errorDetails);
		}
		return frame("InvokeComplete", "application/json", JsonMapper.shared().writeValueAsBytes(members));
	}

	/**
	 * Concatenate frames into one body.
	 * @param frames the frames
	 * @return the body
	 */
	public static byte[] concat(byte[]... frames) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] frame : frames) {
			out.writeBytes(frame);
		}
		return out.toByteArray();
	}

	private static byte[] frame(String eventType, String contentType, byte[] payload) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(eventType));
		headers.put(":message-type", HeaderValue.fromString("event"));
		headers.put(":content-type", HeaderValue.fromString(contentType));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new Message(headers, payload).encode(out);
		return out.toByteArray();
	}

}

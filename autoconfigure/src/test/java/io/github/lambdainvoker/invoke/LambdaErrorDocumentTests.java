package io.github.lambdainvoker.invoke;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the error documents that the Lambda runtimes return, including the ones that
 * are not JSON at all.
 */
class LambdaErrorDocumentTests {

	private final JsonMapper jsonMapper = JsonMapper.shared();

	@Test
	void nodeDocumentKeepsTypeMessageStackTraceAndCause() {
		LambdaErrorDocument document = parse("""
				{"errorType":"TypeError","errorMessage":"x is undefined",
				 "stackTrace":["at handler (index.js:3)","at run (runtime.js:9)"],
				 "cause":{"errorType":"RangeError","errorMessage":"too big","stackTrace":["at f (a.js:1)"]}}
				""");
		assertThat(document.errorType()).isEqualTo("TypeError");
		assertThat(document.errorMessage()).isEqualTo("x is undefined");
		assertThat(document.stackTrace()).containsExactly("at handler (index.js:3)", "at run (runtime.js:9)");
		assertThat(document.cause()).isNotNull();
		assertThat(document.cause().errorType()).isEqualTo("RangeError");
		assertThat(document.cause().errorMessage()).isEqualTo("too big");
		assertThat(document.cause().stackTrace()).containsExactly("at f (a.js:1)");
		assertThat(document.cause().cause()).isNull();
		assertThat(document.isTimeout()).isFalse();
	}

	@Test
	void pythonFramesGivenAsArraysAreJoinedIntoOneLineEach() {
		LambdaErrorDocument document = parse("""
				{"errorType":"KeyError","errorMessage":"'id'",
				 "stackTrace":[["/var/task/app.py", 12, "handler", "return event['id']"]]}
				""");
		assertThat(document.stackTrace()).containsExactly("/var/task/app.py, 12, handler, return event['id']");
	}

	@Test
	void traceIsReadWhenThereIsNoStackTrace() {
		LambdaErrorDocument document = parse("""
				{"errorType":"Runtime.HandlerNotFound","trace":["line 1","line 2"]}
				""");
		assertThat(document.stackTrace()).containsExactly("line 1", "line 2");
		assertThat(document.errorMessage()).isNull();
	}

	@Test
	void stackTraceWinsOverTrace() {
		LambdaErrorDocument document = parse("""
				{"stackTrace":["from stackTrace"],"trace":["from trace"]}
				""");
		assertThat(document.stackTrace()).containsExactly("from stackTrace");
	}

	@Test
	void stackTraceThatIsNotAnArrayIsLeftOut() {
		assertThat(parse("{\"errorType\":\"E\",\"stackTrace\":\"at somewhere\"}").stackTrace()).isEmpty();
	}

	@Test
	void explicitNullsAndNonObjectCausesAreAbsent() {
		LambdaErrorDocument document = parse("{\"errorType\":null,\"errorMessage\":null,\"cause\":\"text\"}");
		assertThat(document.errorType()).isNull();
		assertThat(document.errorMessage()).isNull();
		assertThat(document.cause()).isNull();
	}

	@Test
	void causeChainIsCutAfterSixteenLevels() {
		String json = "{\"errorType\":\"E0\"}";
		for (int i = 1; i <= 20; i++) {
			json = "{\"errorType\":\"E" + i + "\",\"cause\":" + json + "}";
		}
		LambdaErrorDocument document = parse(json);
		int levels = 1;
		LambdaErrorDocument last = document;
		while (last.cause() != null) {
			last = last.cause();
			levels++;
		}
		assertThat(levels).isEqualTo(17);
		assertThat(last.errorType()).isEqualTo("E4");
	}

	@Test
	void payloadThatIsNotJsonBecomesTheMessage() {
		LambdaErrorDocument document = parse("Internal failure: out of memory");
		assertThat(document.errorType()).isNull();
		assertThat(document.errorMessage()).isEqualTo("Internal failure: out of memory");
		assertThat(document.stackTrace()).isEmpty();
		assertThat(document.cause()).isNull();
	}

	@Test
	void jsonThatIsNotAnObjectBecomesTheMessage() {
		assertThat(parse("\"oops\"").errorMessage()).isEqualTo("\"oops\"");
		assertThat(parse("[1,2]").errorMessage()).isEqualTo("[1,2]");
	}

	@Test
	void emptyPayloadHasNoMessage() {
		LambdaErrorDocument document = parse("");
		assertThat(document.errorType()).isNull();
		assertThat(document.errorMessage()).isNull();
	}

	@Test
	void timeoutIsRecognisedByTypeOrByMessage() {
		assertThat(parse("{\"errorType\":\"Sandbox.Timedout\"}").isTimeout()).isTrue();
		assertThat(parse("{\"errorMessage\":\"2024-01-01 Task timed out after 3.00 seconds\"}").isTimeout()).isTrue();
		assertThat(parse("{\"errorType\":\"Timeout\",\"errorMessage\":\"gave up\"}").isTimeout()).isFalse();
		assertThat(parse("{\"errorType\":\"Error\"}").isTimeout()).isFalse();
	}

	@Test
	void stackTraceCannotBeChangedAfterParsing() {
		LambdaErrorDocument document = parse("{\"stackTrace\":[\"a\"]}");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> document.stackTrace().add("b"));
		assertThat(new LambdaErrorDocument("E", "m", new java.util.ArrayList<>(List.of("x")), null).stackTrace())
			.isUnmodifiable();
	}

	private LambdaErrorDocument parse(String payload) {
		return LambdaErrorDocument.parse(payload.getBytes(StandardCharsets.UTF_8), this.jsonMapper);
	}

}

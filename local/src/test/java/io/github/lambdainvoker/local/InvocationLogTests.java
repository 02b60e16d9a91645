package io.github.lambdainvoker.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvocationLog}.
 */
class InvocationLogTests {

	private final ByteArrayOutputStream console = new ByteArrayOutputStream();

	private final InvocationLog log = new InvocationLog(new PrintStream(this.console, true, StandardCharsets.UTF_8));

	@Test
	void tailWhenLogIsShortReturnsAllOfIt() {
		this.log.line("START");
		this.log.log("hello");
		assertThat(tail()).isEqualTo("START\nhello\n");
	}

	@Test
	void logEchoesToConsoleButLineDoesNot() {
		this.log.line("START");
		this.log.log("hello\n");
		assertThat(this.console.toString(StandardCharsets.UTF_8)).isEqualTo("hello\n");
	}

	@Test
	void tailWhenLogWrapsReturnsLastFourKilobytesInOrder() {
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			String line = "line " + i;
			this.log.line(line);
			all.append(line).append('\n');
		}
		assertThat(tail()).hasSize(4096).isEqualTo(all.substring(all.length() - 4096));
	}

	@Test
	void tailWhenOneWriteIsLargerThanFourKilobytesKeepsItsEnd() {
		this.log.line("START");
		byte[] large = ("a".repeat(5000) + "b".repeat(100)).getBytes(StandardCharsets.UTF_8);
		this.log.append(large, 0, large.length);
		this.log.line("END");
		assertThat(tail()).hasSize(4096).endsWith("a" + "b".repeat(100) + "END\n");
	}

	private String tail() {
		return new String(this.log.tail(), StandardCharsets.UTF_8);
	}

}

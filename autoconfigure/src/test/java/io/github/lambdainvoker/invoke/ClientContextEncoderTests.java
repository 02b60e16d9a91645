package io.github.lambdainvoker.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code X-Amz-Client-Context} header: its JSON sections, Lambda's size limit, and
 * how contributed values are merged under that limit.
 */
class ClientContextEncoderTests {

	/**
	 * A custom value of this length encodes to 3,580 characters, the most below 3,583.
	 */
	private static final int LONGEST_FITTING_VALUE = 2666;

	private final ClientContextEncoder encoder = new ClientContextEncoder(JsonMapper.shared());

	@Test
	void onlyNonEmptySectionsAreSentInTheirOrder() {
		ClientContext context = new ClientContext(Map.of("tenant", "acme"), Map.of(), Map.of("app", "shop"));
		assertThat(ClientContextEncoder.decode(this.encoder.encode("pricing", context)))
			.isEqualTo("{\"custom\":{\"tenant\":\"acme\"},\"client\":{\"app\":\"shop\"}}");
		ClientContext env = new ClientContext(Map.of(), Map.of("locale", "de"), Map.of());
		assertThat(ClientContextEncoder.decode(this.encoder.encode("pricing", env)))
			.isEqualTo("{\"env\":{\"locale\":\"de\"}}");
	}

	@Test
	void contextAtTheSizeLimitIsSent() {
		String encoded = this.encoder.encode("pricing",
				ClientContext.ofCustom(Map.of("k", "x".repeat(LONGEST_FITTING_VALUE))));
		assertThat(encoded).hasSize(3580);
	}

	@Test
	void contextOverTheSizeLimitIsRefusedNamingFunctionAndLimit() {
		ClientContext context = ClientContext.ofCustom(Map.of("k", "x".repeat(LONGEST_FITTING_VALUE + 1)));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> this.encoder.encode("pricing", context))
			.withMessage("Client context of function 'pricing' is 3584 bytes once base64-encoded; "
					+ "Lambda allows at most 3583")
			.satisfies((ex) -> assertThat(ex.getFunctionName()).isEqualTo("pricing"));
	}

	@Test
	void withNothingToSendThereIsNoHeader() {
		assertThat(this.encoder.encode("pricing", ClientContext.EMPTY, Map.of())).isNull();
	}

	@Test
	void withoutContributedValuesTheContextIsSentAsItIs() {
		ClientContext context = ClientContext.ofCustom(Map.of("tenant", "acme"));
		assertThat(this.encoder.encode("pricing", context, Map.of()))
			.isEqualTo(this.encoder.encode("pricing", context));
	}

	@Test
	void contributedValuesAreAddedToTheCustomSection() {
		ClientContext context = new ClientContext(Map.of("tenant", "acme"), Map.of(), Map.of("app", "shop"));
		String encoded = this.encoder.encode("pricing", context, ordered("traceparent", "00-abc-01", "user", "u-1"));
		assertThat(ClientContextEncoder.decode(encoded)).isEqualTo(
				"{\"custom\":{\"tenant\":\"acme\",\"traceparent\":\"00-abc-01\",\"user\":\"u-1\"},\"client\":{\"app\":\"shop\"}}");
	}

	@Test
	void contributedValuesAloneAreSent() {
		String encoded = this.encoder.encode("pricing", ClientContext.EMPTY, Map.of("user", "u-1"));
		assertThat(ClientContextEncoder.decode(encoded)).isEqualTo("{\"custom\":{\"user\":\"u-1\"}}");
	}

	@Test
	void contextsOwnValuesWinOverContributedOnes() {
		ClientContext context = ClientContext.ofCustom(Map.of("user", "from-request"));
		String encoded = this.encoder.encode("pricing", context, ordered("user", "contributed", "region", "eu"));
		assertThat(ClientContextEncoder.decode(encoded))
			.isEqualTo("{\"custom\":{\"user\":\"from-request\",\"region\":\"eu\"}}");
	}

	@Test
	void firstContributedValueThatDoesNotFitIsDroppedWithAllAfterIt() {
		ClientContext context = ClientContext.ofCustom(Map.of("k", "x".repeat(LONGEST_FITTING_VALUE - 40)));
		Map<String, String> contributed = ordered("a", "1", "big", "y".repeat(100), "b", "2");
		String encoded = this.encoder.encode("pricing", context, contributed);
		assertThat(encoded.length()).isLessThanOrEqualTo(InvocationLimits.CLIENT_CONTEXT_MAX_BYTES);
		assertThat(ClientContextEncoder.decode(encoded)).contains("\"a\":\"1\"")
			.doesNotContain("\"big\"")
			.doesNotContain("\"b\"");
	}

	@Test
	void contributedValueThatWouldFillTheLimitExactlyIsKept() {
		String encoded = this.encoder.encode("pricing", ClientContext.EMPTY,
				Map.of("k", "x".repeat(LONGEST_FITTING_VALUE)));
		assertThat(encoded).hasSize(3580);
	}

	@Test
	void whenNoContributedValueFitsAnEmptyContextSendsNothing() {
		assertThat(
				this.encoder.encode("pricing", ClientContext.EMPTY, Map.of("k", "x".repeat(LONGEST_FITTING_VALUE + 1))))
			.isNull();
	}

	@Test
	void contextTooLargeOnItsOwnIsRefusedEvenWithContributedValues() {
		ClientContext context = ClientContext.ofCustom(Map.of("k", "x".repeat(LONGEST_FITTING_VALUE + 1)));
		assertThatExceptionOfType(LambdaValidationException.class)
			.isThrownBy(() -> this.encoder.encode("pricing", context, Map.of("user", "u-1")))
			.withMessageContaining("'pricing'");
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}

package io.github.lambdainvoker.invoke.observation;

import java.util.function.Consumer;

import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.autoconfigure.TestFunctionRegistries;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the key values of {@link LambdaInvocationContext}, which it keeps in its own
 * way: every change must leave it with the key values Micrometer's own context would
 * hold.
 */
class LambdaInvocationContextTests {

	private static final KeyValues START = KeyValues.of("function", "pricing", "qualifier", "none", "invocation.type",
			"RequestResponse");

	private static final KeyValues SUCCESS = START.and("outcome", "SUCCESS", "error.type", "none");

	@Test
	void addingKeyValuesToAnEmptyContextKeepsThem() {
		assertSameAsMicrometer((context) -> context.addLowCardinalityKeyValues(START));
		LambdaInvocationContext context = context();
		context.addLowCardinalityKeyValues(START);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(START);
	}

	@Test
	void keyValuesThatRepeatEveryKeyReplaceTheCurrentOnesAsTheyAre() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(START);
			context.addLowCardinalityKeyValues(SUCCESS);
		});
		LambdaInvocationContext context = context();
		context.addLowCardinalityKeyValues(START);
		context.addLowCardinalityKeyValues(SUCCESS);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(SUCCESS);
	}

	@Test
	void keyValuesThatLackACurrentKeyAreMergedTheAddedWinning() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(SUCCESS);
			context.addLowCardinalityKeyValues(KeyValues.of("outcome", "FAILURE", "zone", "a"));
		});
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("b", "1", "d", "2"));
			context.addLowCardinalityKeyValues(KeyValues.of("a", "3", "b", "4", "c", "5"));
		});
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(KeyValues.of("b", "1", "d", "2"));
			context.addLowCardinalityKeyValues(KeyValues.of("b", "3", "c", "4", "e", "5"));
		});
	}

	@Test
	void singleKeyValuesAreAddedAndReplaced() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValue(KeyValue.of("function", "pricing"));
			context.addLowCardinalityKeyValue(KeyValue.of("function", "billing"));
			context.addLowCardinalityKeyValue(KeyValue.of("zone", "a"));
			context.addHighCardinalityKeyValue(KeyValue.of("aws.request.id", "r-1"));
			context.addHighCardinalityKeyValue(KeyValue.of("aws.request.id", "r-2"));
		});
	}

	@Test
	void keyValuesAreRemovedOneOrManyAtATime() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(SUCCESS);
			context.removeLowCardinalityKeyValue("outcome");
			context.removeLowCardinalityKeyValue("absent");
			context.addHighCardinalityKeyValues(KeyValues.of("a", "1", "b", "2", "c", "3"));
			context.removeHighCardinalityKeyValues("a", "c", "absent");
		});
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(START);
			context.removeLowCardinalityKeyValues("function", "qualifier", "invocation.type");
			context.addHighCardinalityKeyValue(KeyValue.of("a", "1"));
			context.removeHighCardinalityKeyValue("a");
		});
	}

	@Test
	void highCardinalityKeyValuesAreKeptApartFromLowCardinalityOnes() {
		assertSameAsMicrometer((context) -> {
			context.addLowCardinalityKeyValues(START);
			context.addHighCardinalityKeyValues(KeyValues.of("function.name", "pricing"));
			context.addHighCardinalityKeyValues(KeyValues.of("function.name", "pricing", "aws.request.id", "r-1"));
		});
	}

	@Test
	void aReplacementAppliesOnlyWhileTheExpectedKeyValuesAreCurrent() {
		LambdaInvocationContext context = context();
		context.addLowCardinalityKeyValues(START);
		context.replaceLowCardinalityKeyValues(START, SUCCESS);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(SUCCESS);
		context.replaceLowCardinalityKeyValues(START, KeyValues.of("other", "value"));
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(SUCCESS);
		KeyValues high = KeyValues.of("function.name", "pricing");
		KeyValues ended = high.and("aws.request.id", "r-1");
		context.addHighCardinalityKeyValues(high);
		context.replaceHighCardinalityKeyValues(high, ended);
		assertThat(context.getHighCardinalityKeyValues()).isSameAs(ended);
		context.replaceHighCardinalityKeyValues(high, KeyValues.of("other", "value"));
		assertThat(context.getHighCardinalityKeyValues()).isSameAs(ended);
	}

	private static void assertSameAsMicrometer(Consumer<Observation.Context> changes) {
		Observation.Context expected = new Observation.Context();
		LambdaInvocationContext actual = context();
		changes.accept(expected);
		changes.accept(actual);
		assertThat(actual.getLowCardinalityKeyValues()).isEqualTo(expected.getLowCardinalityKeyValues());
		assertThat(actual.getHighCardinalityKeyValues()).isEqualTo(expected.getHighCardinalityKeyValues());
		assertThat(actual.getAllKeyValues()).isEqualTo(expected.getAllKeyValues());
		for (KeyValue keyValue : expected.getAllKeyValues().and("absent", "x")) {
			String key = keyValue.getKey();
			assertThat(actual.getLowCardinalityKeyValue(key)).as(key)
				.isEqualTo(expected.getLowCardinalityKeyValue(key));
			assertThat(actual.getHighCardinalityKeyValue(key)).as(key)
				.isEqualTo(expected.getHighCardinalityKeyValue(key));
		}
	}

	private static LambdaInvocationContext context() {
		ResolvedFunction function = TestFunctionRegistries.from(new LambdaProperties()).resolve("pricing");
		return new LambdaInvocationContext(function, LambdaRequest.of("pricing", null));
	}

}

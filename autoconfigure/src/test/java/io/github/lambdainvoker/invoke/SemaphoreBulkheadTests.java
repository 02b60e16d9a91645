package io.github.lambdainvoker.invoke;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SemaphoreBulkhead}: which functions it limits. What it does to calls
 * is shown over the wire by {@code reliability.BulkheadWireTests}.
 */
class SemaphoreBulkheadTests {

	private final SemaphoreBulkhead bulkhead = new SemaphoreBulkhead();

	@Test
	void limitsAFunctionWithAMaxConcurrency() {
		assertThat(this.bulkhead.limits(function(new BulkheadSettings(2, Duration.ZERO)))).isTrue();
	}

	@Test
	void doesNotLimitAFunctionWithoutAMaxConcurrency() {
		assertThat(this.bulkhead.limits(function(BulkheadSettings.UNLIMITED))).isFalse();
	}

	@Test
	void callOfAFunctionItDoesNotLimitTakesNoPermit() {
		ResolvedFunction function = function(BulkheadSettings.UNLIMITED);
		PreparedInvocation invocation = new PreparedInvocation(function, null, InvocationType.REQUEST_RESPONSE, 0,
				InvokeRequest.builder().functionName("pricing").build());
		assertThat(this.bulkhead.execute(invocation, () -> "done")).isEqualTo("done");
		assertThat(this.bulkhead.availablePermits("pricing")).isEqualTo(-1);
	}

	private static ResolvedFunction function(BulkheadSettings bulkhead) {
		ResolvedFunction names = ResolvedFunction.of("pricing", FunctionOptions.NONE);
		return new ResolvedFunction(names.key(), names.reference(), null, names.invocationType(), names.logType(),
				names.clientContext(), null, null, names.retry(), bulkhead);
	}

}

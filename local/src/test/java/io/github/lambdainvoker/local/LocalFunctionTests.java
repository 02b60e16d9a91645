package io.github.lambdainvoker.local;

import java.time.Duration;

import io.github.lambdainvoker.local.TestHandlers.PricingHandler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link LocalFunction}.
 */
class LocalFunctionTests {

	private final PricingHandler handler = new PricingHandler();

	@Test
	void builderAppliesLambdaDefaults() {
		LocalFunction function = LocalFunction.builder("pricing", this.handler).build();
		assertThat(function.timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(function.memorySize()).isEqualTo(128);
		assertThat(function.reservedConcurrency()).isNull();
		assertThat(function.versions()).isEmpty();
		assertThat(function.aliases()).isEmpty();
	}

	@Test
	void buildKeepsVersionsAndAliasesInOrder() {
		PricingHandler other = new PricingHandler();
		LocalFunction function = LocalFunction.builder("pricing", this.handler)
			.version("2", other)
			.version("1")
			.alias("live", "1")
			.alias("next", "2")
			.alias("dev", "$LATEST")
			.build();
		assertThat(function.versions()).containsExactly(entry("2", other), entry("1", this.handler));
		assertThat(function.aliases()).containsExactly(entry("live", "1"), entry("next", "2"), entry("dev", "$LATEST"));
	}

	@Test
	void buildWhenHandlerIsNoLambdaHandlerThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalFunction.builder("pricing", "handler").build())
			.withMessageContaining("must implement com.amazonaws.services.lambda.runtime.RequestHandler");
	}

	@Test
	void buildWhenAliasPointsAtUnpublishedVersionThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).alias("live", "1").build())
			.withMessage("Alias 'live' of function 'pricing' points at version '1', which is not published");
	}

	@Test
	void buildWhenAliasIsNumericThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).version("1").alias("2", "1").build());
	}

	@Test
	void buildWhenVersionIsNotANumberThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).version("v1").build());
	}

	@Test
	void buildWhenNameIsInvalidThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalFunction.builder("pricing:1", this.handler).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("p".repeat(65), this.handler).build());
	}

	@Test
	void buildWhenSettingsAreOutOfRangeThrowsIllegalArgumentException() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).timeout(Duration.ZERO).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).timeout(Duration.ofMinutes(16)).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).memorySize(64).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalFunction.builder("pricing", this.handler).reservedConcurrency(-1).build());
	}

}

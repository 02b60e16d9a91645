package io.github.lambdainvoker.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FunctionName}.
 */
class FunctionNameTests {

	@Test
	void parsePlainName() {
		assertThat(FunctionName.parse("pricing")).isEqualTo(new FunctionName(null, null, "pricing", null));
	}

	@Test
	void parseNameWithQualifier() {
		assertThat(FunctionName.parse("pricing:$LATEST")).isEqualTo(new FunctionName(null, null, "pricing", "$LATEST"));
	}

	@Test
	void parseFullArn() {
		assertThat(FunctionName.parse("arn:aws:lambda:eu-west-1:123456789012:function:pricing:live"))
			.isEqualTo(new FunctionName("eu-west-1", "123456789012", "pricing", "live"));
	}

	@Test
	void parseGovCloudArn() {
		assertThat(FunctionName.parse("arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:pricing"))
			.isEqualTo(new FunctionName("us-gov-west-1", "123456789012", "pricing", null));
	}

	@Test
	void parsePartialArn() {
		assertThat(FunctionName.parse("123456789012:function:pricing:7"))
			.isEqualTo(new FunctionName(null, "123456789012", "pricing", "7"));
	}

	@Test
	void parseWhenTooLongOrMalformedThrowsValidationError() {
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> FunctionName.parse(""))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("ValidationException"));
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> FunctionName.parse("a".repeat(171)));
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> FunctionName.parse("a".repeat(65)));
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> FunctionName.parse("pricing:a:b"));
		assertThatExceptionOfType(ApiError.class).isThrownBy(() -> FunctionName.parse("pri cing"));
	}

}

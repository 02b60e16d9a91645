package io.github.lambdainvoker.invoke.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations this library makes, with their key names.
 */
public enum LambdaInvocationObservationDocumentation implements ObservationDocumentation {

	/**
	 * One Lambda call, all attempts and waits between them included.
	 */
	INVOCATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultLambdaInvocationObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Key names that become tags of the {@code aws.lambda.invocations} meters.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * Configured function key, or the bare function name when code named it directly.
		 */
		FUNCTION {
			@Override
			public String asString() {
				return "function";
			}
		},

		/** Version or alias invoked, or {@code none}. */
		QUALIFIER {
			@Override
			public String asString() {
				return "qualifier";
			}
		},

		/** Invocation type: {@code RequestResponse}, {@code Event} or {@code DryRun}. */
		INVOCATION_TYPE {
			@Override
			public String asString() {
				return "invocation.type";
			}
		},

		/**
		 * How the call ended, one of {@link LambdaInvocationOutcome}. Set when the call
		 * ends.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * Lambda's error code, the function's {@code errorType}, or the simple name of
		 * the exception; {@code none} on success. Set when the call ends.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/** {@code Handled}, {@code Unhandled} or {@code none}. Set when the call ends. */
		FUNCTION_ERROR {
			@Override
			public String asString() {
				return "function.error";
			}
		}

	}

	/**
	 * Key names that are only added to traces, never to meters.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** Function name, partial ARN or ARN sent to Lambda. */
		FUNCTION_NAME {
			@Override
			public String asString() {
				return "function.name";
			}
		},

		/** Lambda request id ({@code x-amzn-RequestId}), when Lambda answered. */
		REQUEST_ID {
			@Override
			public String asString() {
				return "aws.request.id";
			}
		},

		/** Version that ran ({@code X-Amz-Executed-Version}), when Lambda said. */
		EXECUTED_VERSION {
			@Override
			public String asString() {
				return "executed.version";
			}
		},

		/**
		 * Region the call was sent to and signed for, when the function's route knows it.
		 */
		REGION {
			@Override
			public String asString() {
				return "cloud.region";
			}
		}

	}

}

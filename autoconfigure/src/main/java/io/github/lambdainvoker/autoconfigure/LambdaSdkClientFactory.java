package io.github.lambdainvoker.autoconfigure;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Builds an SDK client and turns a missing region into an error that says which property
 * to set.
 */
final class LambdaSdkClientFactory {

	private LambdaSdkClientFactory() {
	}

	static <C> C build(SdkBuilder<?, C> builder) {
		try {
			return builder.build();
		}
		catch (SdkClientException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("region")) {
				throw new IllegalStateException("No AWS region for the Lambda client: set aws.lambda.region "
						+ "(or AWS_REGION, or a region in the AWS profile)", ex);
			}
			throw ex;
		}
	}

}

package io.github.lambdainvoker.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Base class for tests that start an emulator and call it through a real SDK client.
 */
abstract class LocalLambdaTestSupport {

	protected LocalLambda lambda;

	protected LambdaClient client;

	protected void start(LocalLambda.Builder builder) {
		this.lambda = builder.start();
		this.client = TestLambdaClients.create(this.lambda.endpoint());
	}

	@AfterEach
	void stopEmulator() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.lambda != null) {
			this.lambda.stop();
		}
	}

	protected static String decodeBase64(String value) {
		return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
	}

}

package io.github.lambdainvoker.invoke;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * WireMock on a dynamic port, with SDK clients pointed at it that live as long as the
 * test class: created before its {@code @BeforeAll} methods and closed after them, so
 * that no test pays the Netty client's shutdown time.
 */
public final class LambdaWireMockExtension extends WireMockExtension {

	private final Duration readTimeout;

	private final boolean async;

	private @Nullable LambdaClient client;

	private @Nullable LambdaAsyncClient asyncClient;

	private LambdaWireMockExtension(Duration readTimeout, boolean async) {
		super(WireMockExtension.extensionOptions().options(wireMockConfig().dynamicPort()));
		this.readTimeout = readTimeout;
		this.async = async;
	}

	/**
	 * WireMock with a synchronous client whose read timeout is 10 seconds.
	 * @return the extension
	 */
	public static LambdaWireMockExtension sync() {
		return sync(Duration.ofSeconds(10));
	}

	/**
	 * WireMock with a synchronous client.
	 * @param readTimeout the client's socket read timeout
	 * @return the extension
	 */
	public static LambdaWireMockExtension sync(Duration readTimeout) {
		return new LambdaWireMockExtension(readTimeout, false);
	}

	/**
	 * WireMock with a synchronous and an asynchronous client.
	 * @param readTimeout the synchronous client's socket read timeout
	 * @return the extension
	 */
	public static LambdaWireMockExtension syncAndAsync(Duration readTimeout) {
		return new LambdaWireMockExtension(readTimeout, true);
	}

	@Override
	protected void onBeforeAll(WireMockRuntimeInfo wireMockRuntimeInfo) {
		this.client = TestLambdaClients.sync(wireMockRuntimeInfo.getHttpBaseUrl(), this.readTimeout);
		if (this.async) {
			this.asyncClient = TestLambdaClients.async(wireMockRuntimeInfo.getHttpBaseUrl());
		}
	}

	@Override
	protected void onAfterAll(WireMockRuntimeInfo wireMockRuntimeInfo) {
		if (this.client != null) {
			this.client.close();
		}
		if (this.asyncClient != null) {
			this.asyncClient.close();
		}
	}

	/**
	 * Return the synchronous client.
	 * @return the client
	 */
	public LambdaClient client() {
		if (this.client == null) {
			throw new IllegalStateException("The SDK clients exist only while the test class runs");
		}
		return this.client;
	}

	/**
	 * Return the asynchronous client.
	 * @return the client
	 */
	public LambdaAsyncClient asyncClient() {
		if (this.asyncClient == null) {
			throw new IllegalStateException("Create the extension with syncAndAsync(...) for an asynchronous client");
		}
		return this.asyncClient;
	}

}

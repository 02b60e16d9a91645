package io.github.lambdainvoker.local.junit;

import java.net.URI;

import io.github.lambdainvoker.local.LocalLambda;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;

/**
 * JUnit Jupiter extension that runs a {@link LocalLambda} around tests. Registered with
 * {@code @RegisterExtension} on a {@code static} field, one emulator serves every test of
 * the class; on an instance field, each test gets a fresh one.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static LocalLambdaExtension lambda = new LocalLambdaExtension(
 *         LocalLambda.builder().function("pricing", new PricingHandler()));
 *
 * &#64;Test
 * void quotes() {
 *     InvokeResponse response = lambda.lambdaClient().invoke((request) -&gt; request.functionName("pricing"));
 * }
 * </pre>
 */
public final class LocalLambdaExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private final LocalLambda.Builder builder;

	private @Nullable LocalLambda lambda;

	private @Nullable LambdaClient client;

	private @Nullable ExtensionContext owner;

	/**
	 * Create an extension that starts emulators built by the given builder.
	 * @param builder the emulator's builder, with its functions
	 */
	public LocalLambdaExtension(LocalLambda.Builder builder) {
		this.builder = builder;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		startFor(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		startFor(context);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		stopFor(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stopFor(context);
	}

	private synchronized void startFor(ExtensionContext context) {
		if (this.lambda == null) {
			this.lambda = this.builder.start();
			this.owner = context;
		}
	}

	private synchronized void stopFor(ExtensionContext context) {
		if (this.owner != context) {
			return;
		}
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
		if (this.lambda != null) {
			this.lambda.stop();
			this.lambda = null;
		}
		this.owner = null;
	}

	/**
	 * Return the running emulator, for instance to await its events.
	 * @return the emulator
	 * @throws IllegalStateException outside a test
	 */
	public synchronized LocalLambda lambda() {
		if (this.lambda == null) {
			throw new IllegalStateException("The local Lambda emulator runs only during tests");
		}
		return this.lambda;
	}

	/**
	 * Return where the running emulator listens.
	 * @return the endpoint override for SDK clients
	 */
	public URI endpoint() {
		return lambda().endpoint();
	}

	/**
	 * Return a client of the running emulator, created on first use and closed with it.
	 * @return a {@code LambdaClient} configured as {@link #clientBuilder()} configures it
	 */
	public synchronized LambdaClient lambdaClient() {
		if (this.client == null) {
			this.client = clientBuilder().build();
		}
		return this.client;
	}

	/**
	 * Return a builder of clients of the running emulator: endpoint override, region
	 * {@code us-east-1} and static credentials {@code local}/{@code local}; the caller
	 * closes what it builds.
	 * @return a client builder to customize further
	 */
	public LambdaClientBuilder clientBuilder() {
		LocalLambda running = lambda();
		return LambdaClient.builder()
			.endpointOverride(running.endpoint())
			.region(Region.of(running.region()))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
	}

}

package io.github.lambdainvoker.local;

import java.io.Closeable;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local emulator of the Lambda Invoke API: an HTTP server on the loopback address that
 * runs Java handlers in this JVM, so that code using the AWS SDK's {@code LambdaClient}
 * calls them as it would call deployed functions. Pointing the client's endpoint override
 * at {@link #endpoint()} is all it takes.
 * <p>
 * Build one with {@link #builder()}; its functions are fixed once built. Start it with
 * {@link #start()}, stop it with {@link #stop()} or {@link #close()}.
 *
 * <pre class="code">
 * try (LocalLambda lambda = LocalLambda.builder()
 *         .function("pricing", new PricingHandler(), (f) -&gt; f.timeout(Duration.ofSeconds(3)).version("1").alias("live", "1"))
 *         .start()) {
 *     LambdaClient client = LambdaClient.builder().endpointOverride(lambda.endpoint())...build();
 * }
 * </pre>
 */
public final class LocalLambda implements Closeable {

	/** Region that ARNs name unless another is configured. */
	public static final String DEFAULT_REGION = "us-east-1";

	/** Account that ARNs name unless another is configured. */
	public static final String DEFAULT_ACCOUNT_ID = "123456789012";

	private static final System.Logger logger = System.getLogger(LocalLambda.class.getName());

	private final int port;

	private final String region;

	private final String accountId;

	private final JsonMapper jsonMapper;

	private final List<LocalFunction> functions;

	private final Object lifecycleMonitor = new Object();

	private @Nullable EmulatorServer running;

	private boolean stopped;

	private LocalLambda(Builder builder) {
		this.port = builder.port;
		this.region = builder.region;
		this.accountId = builder.accountId;
		this.jsonMapper = builder.jsonMapper;
		this.functions = List.copyOf(builder.functions.values());
	}

	/**
	 * Start building an emulator.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start serving: bind the port and accept invocations.
	 * @return this emulator
	 * @throws IllegalStateException if the emulator was already started
	 * @throws java.io.UncheckedIOException if the port cannot be bound
	 */
	public LocalLambda start() {
		synchronized (this.lifecycleMonitor) {
			if (this.running != null || this.stopped) {
				throw new IllegalStateException("A local Lambda emulator can be started once only");
			}
			this.running = EmulatorServer.start(this.port,
					new FunctionRegistry(this.functions, this.region, this.accountId, this.jsonMapper),
					this.jsonMapper);
		}
		logger.log(Level.INFO, "Local Lambda emulator listening on {0}, serving {1}", endpoint(), describe());
		return this;
	}

	/**
	 * Return where the emulator listens; the endpoint override for SDK clients.
	 * @return the endpoint, such as {@code http://127.0.0.1:49152}
	 * @throws IllegalStateException if the emulator is not running
	 */
	public URI endpoint() {
		return running().endpoint();
	}

	/**
	 * Return the functions served, in the order they were added.
	 * @return the functions
	 */
	public List<LocalFunction> functions() {
		return this.functions;
	}

	/**
	 * Return the region that function ARNs name.
	 * @return the region
	 */
	public String region() {
		return this.region;
	}

	/**
	 * Return the account that function ARNs name.
	 * @return the account id
	 */
	public String accountId() {
		return this.accountId;
	}

	/**
	 * Whether the emulator has been started and not stopped.
	 * @return {@code true} while it accepts invocations
	 */
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.running != null;
		}
	}

	/**
	 * Wait until every {@code Event} invocation accepted so far has run.
	 * @param timeout how long to wait at most
	 * @return {@code true} if all have run, {@code false} if the time ran out or the
	 * waiting thread was interrupted
	 * @throws IllegalStateException if the emulator is not running
	 */
	public boolean awaitEvents(Duration timeout) {
		try {
			return running().awaitEvents(timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Stop serving: close the port, drop events not yet started and interrupt handlers
	 * still running. Does nothing if the emulator is not running.
	 */
	public void stop() {
		EmulatorServer toStop;
		synchronized (this.lifecycleMonitor) {
			toStop = this.running;
			this.running = null;
			this.stopped = true;
		}
		if (toStop != null) {
			toStop.stop();
			logger.log(Level.DEBUG, "Local Lambda emulator at {0} stopped", toStop.endpoint());
		}
	}

	/**
	 * Stop the emulator, as {@link #stop()} does.
	 */
	@Override
	public void close() {
		stop();
	}

	private EmulatorServer running() {
		synchronized (this.lifecycleMonitor) {
			if (this.running == null) {
				throw new IllegalStateException("The local Lambda emulator is not running");
			}
			return this.running;
		}
	}

	private String describe() {
		if (this.functions.isEmpty()) {
			return "no functions";
		}
		return this.functions.stream().map(LocalLambda::describe).collect(Collectors.joining(", "));
	}

	private static String describe(LocalFunction function) {
		StringBuilder description = new StringBuilder(function.name());
		List<String> qualifiers = new ArrayList<>(function.versions().keySet());
		function.aliases().forEach((alias, version) -> qualifiers.add(alias + "->" + version));
		if (!qualifiers.isEmpty()) {
			description.append(qualifiers);
		}
		return description.toString();
	}

	/**
	 * Builder of a {@link LocalLambda}. Each {@link #build()} creates an independent
	 * emulator from the builder's current settings.
	 */
	public static final class Builder {

		private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

		private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

		private int port;

		private String region = DEFAULT_REGION;

		private String accountId = DEFAULT_ACCOUNT_ID;

		private JsonMapper jsonMapper = defaultJsonMapper();

		private final Map<String, LocalFunction> functions = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Return the mapper used unless another is set: Jackson's defaults, except that
		 * unknown properties are ignored as the Java runtime ignores them.
		 * @return a new default mapper
		 */
		public static JsonMapper defaultJsonMapper() {
			return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		}

		/**
		 * Listen on this port of the loopback address.
		 * @param port the port, or 0 (the default) for a free one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Invalid port: " + port);
			}
			this.port = port;
			return this;
		}

		/**
		 * Name this region in function ARNs; ARNs naming another region are not found.
		 * @param region the region, {@value LocalLambda#DEFAULT_REGION} by default
		 * @return this builder
		 */
		public Builder region(String region) {
			if (!REGION.matcher(region).matches()) {
				throw new IllegalArgumentException("Invalid region: " + region);
			}
			this.region = region;
			return this;
		}

		/**
		 * Name this account in function ARNs; ARNs naming another account are not found.
		 * @param accountId the 12-digit account id,
		 * {@value LocalLambda#DEFAULT_ACCOUNT_ID} by default
		 * @return this builder
		 */
		public Builder accountId(String accountId) {
			if (!ACCOUNT_ID.matcher(accountId).matches()) {
				throw new IllegalArgumentException("Invalid account id: " + accountId);
			}
			this.accountId = accountId;
			return this;
		}

		/**
		 * Read {@link RequestHandler} input and write its output with this mapper.
		 * @param jsonMapper the mapper, {@link #defaultJsonMapper()} by default
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			this.jsonMapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
			return this;
		}

		/**
		 * Serve a function whose handler takes and returns objects, with Lambda's default
		 * configuration.
		 * @param name the function name
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder function(String name, RequestHandler<?, ?> handler) {
			return function(LocalFunction.builder(name, handler).build());
		}

		/**
		 * Serve a function whose handler takes and returns objects.
		 * @param name the function name
		 * @param handler the handler
		 * @param configuration configures the function: timeout, concurrency, versions
		 * and aliases
		 * @return this builder
		 */
		public Builder function(String name, RequestHandler<?, ?> handler,
				Consumer<LocalFunction.Builder> configuration) {
			return function(configured(LocalFunction.builder(name, handler), configuration));
		}

		/**
		 * Serve a function whose handler reads and writes streams, with Lambda's default
		 * configuration.
		 * @param name the function name
		 * @param handler the handler
		 * @return this builder
		 */
		public Builder function(String name, RequestStreamHandler handler) {
			return function(LocalFunction.builder(name, handler).build());
		}

		/**
		 * Serve a function whose handler reads and writes streams.
		 * @param name the function name
		 * @param handler the handler
		 * @param configuration configures the function: timeout, concurrency, versions
		 * and aliases
		 * @return this builder
		 */
		public Builder function(String name, RequestStreamHandler handler,
				Consumer<LocalFunction.Builder> configuration) {
			return function(configured(LocalFunction.builder(name, handler), configuration));
		}

		/**
		 * Serve a function.
		 * @param function the function
		 * @return this builder
		 * @throws IllegalArgumentException if a function of that name is already served
		 */
		public Builder function(LocalFunction function) {
			if (this.functions.putIfAbsent(function.name(), function) != null) {
				throw new IllegalArgumentException("Function '" + function.name() + "' is already defined");
			}
			return this;
		}

		private static LocalFunction configured(LocalFunction.Builder builder,
				Consumer<LocalFunction.Builder> configuration) {
			configuration.accept(builder);
			return builder.build();
		}

		/**
		 * Build an emulator, not yet started.
		 * @return the emulator
		 */
		public LocalLambda build() {
			return new LocalLambda(this);
		}

		/**
		 * Build an emulator and start it.
		 * @return the running emulator
		 */
		public LocalLambda start() {
			return build().start();
		}

	}

}

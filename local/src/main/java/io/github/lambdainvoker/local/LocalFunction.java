package io.github.lambdainvoker.local;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.jspecify.annotations.Nullable;

/**
 * A function served by a {@link LocalLambda}: its handler and the configuration Lambda
 * applies around it. Published versions may run the same handler as {@code $LATEST} or
 * their own one, and aliases point at {@code $LATEST} or a version.
 *
 * @param name the function name
 * @param handler the {@link RequestHandler} or {@link RequestStreamHandler} that
 * {@code $LATEST} runs
 * @param inputType the type a {@link RequestHandler}'s input is read as, or {@code null}
 * to resolve it from the handler's class
 * @param timeout how long an invocation may run before it is stopped
 * @param memorySize the memory size in MB that the context reports
 * @param reservedConcurrency the most invocations that may run at once, or {@code null}
 * for no limit
 * @param versions the published versions, by version number, with the handler each runs
 * @param aliases the aliases, by name, with the version ({@code $LATEST} or a number)
 * each points at
 */
public record LocalFunction(String name, Object handler, @Nullable Type inputType, Duration timeout, int memorySize,
		@Nullable Integer reservedConcurrency, Map<String, Object> versions, Map<String, String> aliases) {

	/** The qualifier of the unpublished version of a function. */
	public static final String LATEST = "$LATEST";

	/** Timeout that Lambda gives a function when none is configured. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

	/** Memory size in MB that Lambda gives a function when none is configured. */
	public static final int DEFAULT_MEMORY_SIZE = 128;

	private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

	private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,9}");

	private static final Pattern ALIAS = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}");

	private static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

	public LocalFunction {
		requireMatch(NAME, name, "Function name");
		requireHandler(handler, name);
		if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
			throw new IllegalArgumentException(
					"Timeout of function '" + name + "' must be positive and at most 15 minutes: " + timeout);
		}
		if (memorySize < 128 || memorySize > 10240) {
			throw new IllegalArgumentException(
					"Memory size of function '" + name + "' must be between 128 and 10240 MB: " + memorySize);
		}
		if (reservedConcurrency != null && reservedConcurrency < 0) {
			throw new IllegalArgumentException(
					"Reserved concurrency of function '" + name + "' must not be negative: " + reservedConcurrency);
		}
		versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
		aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
		for (Map.Entry<String, Object> version : versions.entrySet()) {
			requireMatch(VERSION, version.getKey(), "Version of function '" + name + "'");
			requireHandler(version.getValue(), name + ":" + version.getKey());
		}
		for (Map.Entry<String, String> alias : aliases.entrySet()) {
			requireMatch(ALIAS, alias.getKey(), "Alias of function '" + name + "'");
			if (!LATEST.equals(alias.getValue()) && !versions.containsKey(alias.getValue())) {
				throw new IllegalArgumentException("Alias '" + alias.getKey() + "' of function '" + name
						+ "' points at version '" + alias.getValue() + "', which is not published");
			}
		}
	}

	/**
	 * Start building a function.
	 * @param name the function name
	 * @param handler a {@link RequestHandler} or {@link RequestStreamHandler}
	 * @return a builder with Lambda's defaults
	 */
	public static Builder builder(String name, Object handler) {
		return new Builder(name, handler);
	}

	private static void requireMatch(Pattern pattern, String value, String description) {
		if (!pattern.matcher(value).matches()) {
			throw new IllegalArgumentException(description + " must match " + pattern + ": '" + value + "'");
		}
	}

	private static void requireHandler(Object handler, String function) {
		if (!(handler instanceof RequestHandler<?, ?>) && !(handler instanceof RequestStreamHandler)) {
			throw new IllegalArgumentException(
					"Handler of function '" + function + "' must implement " + RequestHandler.class.getName() + " or "
							+ RequestStreamHandler.class.getName() + ": " + handler.getClass().getName());
		}
	}

	/**
	 * Builder of a {@link LocalFunction}.
	 */
	public static final class Builder {

		private final String name;

		private final Object handler;

		private @Nullable Type inputType;

		private Duration timeout = DEFAULT_TIMEOUT;

		private int memorySize = DEFAULT_MEMORY_SIZE;

		private @Nullable Integer reservedConcurrency;

		private final Map<String, Object> versions = new LinkedHashMap<>();

		private final Map<String, String> aliases = new LinkedHashMap<>();

		private Builder(String name, Object handler) {
			this.name = Objects.requireNonNull(name, "name");
			this.handler = Objects.requireNonNull(handler, "handler");
		}

		/**
		 * Read a {@link RequestHandler}'s input as this type instead of the one its class
		 * declares, for handlers whose class does not say it, such as lambdas.
		 * @param inputType the input type
		 * @return this builder
		 */
		public Builder inputType(Type inputType) {
			this.inputType = inputType;
			return this;
		}

		/**
		 * Stop invocations that run longer than this, as Lambda does.
		 * @param timeout the timeout, three seconds by default
		 * @return this builder
		 */
		public Builder timeout(Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Set the memory size that the context reports.
		 * @param megabytes the memory size in MB, 128 by default
		 * @return this builder
		 */
		public Builder memorySize(int megabytes) {
			this.memorySize = megabytes;
			return this;
		}

		/**
		 * Throttle synchronous invocations beyond this many running at once.
		 * @param reservedConcurrency the reserved concurrency; 0 throttles every
		 * invocation
		 * @return this builder
		 */
		public Builder reservedConcurrency(@Nullable Integer reservedConcurrency) {
			this.reservedConcurrency = reservedConcurrency;
			return this;
		}

		/**
		 * Publish a version that runs the same handler as {@code $LATEST}.
		 * @param version the version number
		 * @return this builder
		 */
		public Builder version(String version) {
			return version(version, this.handler);
		}

		/**
		 * Publish a version that runs its own handler.
		 * @param version the version number
		 * @param handler a {@link RequestHandler} or {@link RequestStreamHandler}
		 * @return this builder
		 */
		public Builder version(String version, Object handler) {
			this.versions.put(version, Objects.requireNonNull(handler, "handler"));
			return this;
		}

		/**
		 * Add an alias.
		 * @param alias the alias name
		 * @param version the version it points at: {@code $LATEST} or a published version
		 * @return this builder
		 */
		public Builder alias(String alias, String version) {
			this.aliases.put(alias, version);
			return this;
		}

		/**
		 * Build the function.
		 * @return the function
		 * @throws IllegalArgumentException if a setting is not one Lambda accepts
		 */
		public LocalFunction build() {
			return new LocalFunction(this.name, this.handler, this.inputType, this.timeout, this.memorySize,
					this.reservedConcurrency, this.versions, this.aliases);
		}

	}

}

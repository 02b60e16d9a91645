package io.github.lambdainvoker.invoke;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One Invoke request with every option of the operation. Options left unset fall back to
 * the function's configured settings and then to Lambda's defaults.
 *
 * <pre class="code">
 * LambdaRequest request = LambdaRequest.builder("pricing")
 *     .qualifier("live")
 *     .logType(LogType.TAIL)
 *     .clientContext(ClientContext.ofCustom(Map.of("tenant", "acme")))
 *     .payload(new QuoteRequest("sku-1", 2))
 *     .build();
 * </pre>
 */
public final class LambdaRequest {

	private final String function;

	private final @Nullable String qualifier;

	private final @Nullable InvocationType invocationType;

	private final @Nullable LogType logType;

	private final @Nullable ClientContext clientContext;

	private final @Nullable Object payload;

	private final @Nullable String tenantId;

	// The request of a plain call, made without a builder: one object per call.
	private LambdaRequest(String function, @Nullable Object payload) {
		this.function = Objects.requireNonNull(function, "function must not be null");
		this.qualifier = null;
		this.invocationType = null;
		this.logType = null;
		this.clientContext = null;
		this.payload = payload;
		this.tenantId = null;
	}

	private LambdaRequest(Builder builder) {
		this.function = builder.function;
		this.qualifier = builder.qualifier;
		this.invocationType = builder.invocationType;
		this.logType = builder.logType;
		this.clientContext = builder.clientContext;
		this.payload = builder.payload;
		this.tenantId = builder.tenantId;
	}

	/**
	 * Start a request for the given function.
	 * @param function a configured function key, or a function name in any of Lambda's
	 * formats (name, {@code name:alias}, full ARN, partial ARN)
	 * @return a new builder
	 */
	public static Builder builder(String function) {
		return new Builder(function);
	}

	/**
	 * Start a request for the given function with the given payload.
	 * @param function a configured function key or a function name
	 * @param payload the payload, or {@code null} for none
	 * @return a request with no other option set
	 */
	public static LambdaRequest of(String function, @Nullable Object payload) {
		return new LambdaRequest(function, payload);
	}

	/**
	 * Return the function key or name this request targets.
	 * @return the function key or name
	 */
	public String function() {
		return this.function;
	}

	/**
	 * Return the version or alias to invoke, if set.
	 * @return the qualifier or {@code null}
	 */
	public @Nullable String qualifier() {
		return this.qualifier;
	}

	/**
	 * Return the invocation type, if set.
	 * @return the invocation type or {@code null}
	 */
	public @Nullable InvocationType invocationType() {
		return this.invocationType;
	}

	/**
	 * Return the log type, if set.
	 * @return the log type or {@code null}
	 */
	public @Nullable LogType logType() {
		return this.logType;
	}

	/**
	 * Return the client context, if set.
	 * @return the client context or {@code null}
	 */
	public @Nullable ClientContext clientContext() {
		return this.clientContext;
	}

	/**
	 * Return the payload: a {@code byte[]}, {@code String}, {@code InputStream} or
	 * {@code ByteBuffer} sent as it is, or any other object written as JSON.
	 * @return the payload or {@code null}
	 */
	public @Nullable Object payload() {
		return this.payload;
	}

	/**
	 * Return the tenant id, if set.
	 * @return the tenant id or {@code null}
	 */
	public @Nullable String tenantId() {
		return this.tenantId;
	}

	/**
	 * Return a builder that starts with this request's values.
	 * @return a new builder
	 */
	public Builder mutate() {
		return new Builder(this.function).qualifier(this.qualifier)
			.invocationType(this.invocationType)
			.logType(this.logType)
			.clientContext(this.clientContext)
			.payload(this.payload)
			.tenantId(this.tenantId);
	}

	@Override
	public String toString() {
		// The payload and client context are left out on purpose: they may hold personal
		// data.
		return "LambdaRequest[function=" + this.function + ", qualifier=" + this.qualifier + ", invocationType="
				+ this.invocationType + ", logType=" + this.logType + "]";
	}

	/**
	 * Builder for {@link LambdaRequest}.
	 */
	public static final class Builder {

		private final String function;

		private @Nullable String qualifier;

		private @Nullable InvocationType invocationType;

		private @Nullable LogType logType;

		private @Nullable ClientContext clientContext;

		private @Nullable Object payload;

		private @Nullable String tenantId;

		private Builder(String function) {
			this.function = Objects.requireNonNull(function, "function must not be null");
		}

		/**
		 * Set the version or alias to invoke.
		 * @param qualifier the qualifier
		 * @return this builder
		 */
		public Builder qualifier(@Nullable String qualifier) {
			this.qualifier = qualifier;
			return this;
		}

		/**
		 * Set the invocation type.
		 * @param invocationType the invocation type
		 * @return this builder
		 */
		public Builder invocationType(@Nullable InvocationType invocationType) {
			this.invocationType = invocationType;
			return this;
		}

		/**
		 * Set whether the tail of the execution log is returned.
		 * @param logType the log type
		 * @return this builder
		 */
		public Builder logType(@Nullable LogType logType) {
			this.logType = logType;
			return this;
		}

		/**
		 * Set the client context. Its values are merged over the configured client
		 * context.
		 * @param clientContext the client context
		 * @return this builder
		 */
		public Builder clientContext(@Nullable ClientContext clientContext) {
			this.clientContext = clientContext;
			return this;
		}

		/**
		 * Set the {@code custom} section of the client context.
		 * @param custom the custom values
		 * @return this builder
		 */
		public Builder clientContext(Map<String, String> custom) {
			return clientContext(ClientContext.ofCustom(custom));
		}

		/**
		 * Set the payload.
		 * @param payload raw bytes, text or a stream sent as they are, or an object
		 * written as JSON
		 * @return this builder
		 */
		public Builder payload(@Nullable Object payload) {
			this.payload = payload;
			return this;
		}

		/**
		 * Set the tenant id ({@code X-Amz-Tenant-Id}) for tenant-isolated functions.
		 * @param tenantId the tenant id
		 * @return this builder
		 */
		public Builder tenantId(@Nullable String tenantId) {
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * Build the request.
		 * @return the request
		 */
		public LambdaRequest build() {
			return new LambdaRequest(this);
		}

	}

}

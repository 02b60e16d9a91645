package io.github.lambdainvoker.benchmarks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.AWSLambda;
import io.github.lambdainvoker.autoconfigure.LambdaClientCustomizer;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the contenders of one payload size, each on its own SDK client and, for the
 * starter's contenders, its own application context, and closes them all.
 * <p>
 * The {@link Set#HEADLINE headline} set answers "what does the starter cost per call":
 * <ul>
 * <li>{@value #BASELINE}: the {@link HandWrittenCall hand-written SDK v2 call} on the
 * {@code LambdaClient} of the starter's default context, so that every difference is the
 * starter's own;</li>
 * <li>{@code raw-twin}: the same call on the same client,
 * {@link HandWrittenCall.SeparatelyCompiled compiled separately}: its difference from the
 * baseline is the noise of the method, what two JIT compilations of the same code
 * allocate differently;</li>
 * <li>{@code raw-sdk-defaults}: the same call on an SDK client built with the SDK's
 * defaults (standard retry mode);</li>
 * <li>{@code invoker}: {@code LambdaInvoker.invoke(key, order, Order.class)} with a
 * configured function key;</li>
 * <li>{@code client}: a {@code @LambdaClient} method with no properties at all (the
 * headline row);</li>
 * <li>{@code client-no-retry}: the same with {@code retry.enabled=false};</li>
 * <li>{@code client-observed}: the same with Boot's observation and metrics
 * auto-configurations and a {@code SimpleMeterRegistry}; {@code client-observed-no-ltt}
 * the same without Boot's long task timer
 * ({@code management.metrics.observations.ignored-meters=long-task-timer});</li>
 * <li>{@code sdk-v1}: the SDK v1 {@code LambdaInvokerFactory} (over the network
 * only).</li>
 * </ul>
 * The {@link Set#SDK sdk} set tries the SDK v2 extension points one at a time: the
 * hand-written call on clients of contexts that each add one {@link SdkExtensions
 * customizer}.
 */
public final class Contenders implements AutoCloseable {

	/** Name of the contender every other one is compared with. */
	public static final String BASELINE = "raw";

	private static final String METER = "aws.lambda.invocations";

	private final List<Contender> contenders = new ArrayList<>();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final URI endpoint;

	private final @Nullable SdkHttpClient httpClient;

	private final PayloadSize payload;

	private final Order order;

	private Contenders(URI endpoint, @Nullable SdkHttpClient httpClient, PayloadSize payload, Order order) {
		this.endpoint = endpoint;
		this.httpClient = httpClient;
		this.payload = payload;
		this.order = order;
	}

	/**
	 * Start the contenders of a set and check that each answers with the order sent.
	 * @param set the set of contenders
	 * @param endpoint the Lambda endpoint
	 * @param httpClient the HTTP client of the SDK v2 contenders, or {@code null} for
	 * Apache HttpClient 5 over the network (which also runs the SDK v1 contender)
	 * @param payload the payload size
	 * @param responses the orders of each size
	 * @return the started contenders
	 */
	public static Contenders start(Set set, URI endpoint, @Nullable SdkHttpClient httpClient, PayloadSize payload,
			CannedResponses responses) {
		Contenders contenders = new Contenders(endpoint, httpClient, payload, responses.order(payload));
		try {
			switch (set) {
				case HEADLINE -> contenders.addHeadline();
				case SDK -> contenders.addSdkExtensions();
			}
			contenders.check();
			return contenders;
		}
		catch (RuntimeException | Error ex) {
			contenders.close();
			throw ex;
		}
	}

	private void addHeadline() {
		ConfigurableApplicationContext defaults = context(Map.of(), false, List.of());
		add(BASELINE, "hand-written SDK v2 call, cached Jackson reader/writer (baseline)",
				new HandWrittenCall(defaults.getBean(LambdaClient.class), this.payload.functionName(), this.order));
		add("raw-twin", "the baseline's code and client, compiled separately (noise of the method)",
				new HandWrittenCall.SeparatelyCompiled(defaults.getBean(LambdaClient.class),
						this.payload.functionName(), this.order));
		LambdaClient sdkDefaults = SdkClients.sdkV2Defaults(this.endpoint, this.httpClient);
		this.resources.add(sdkDefaults);
		add("raw-sdk-defaults", "hand-written SDK v2 call, SDK client with the SDK's defaults",
				new HandWrittenCall(sdkDefaults, this.payload.functionName(), this.order));
		LambdaInvoker invoker = context(Map.of("aws.lambda.functions." + this.payload.functionKey() + ".function-name",
				this.payload.functionName()), false, List.of())
			.getBean(LambdaInvoker.class);
		String key = this.payload.functionKey();
		add("invoker", "LambdaInvoker.invoke(key, order, Order.class), function key configured",
				() -> invoker.invoke(key, this.order, Order.class));
		add("client", "@LambdaClient, no properties (defaults: retry on)",
				orderFunctions(defaults.getBean(OrderFunctions.class)));
		add("client-no-retry", "@LambdaClient, aws.lambda.defaults.retry.enabled=false",
				orderFunctions(context(Map.of("aws.lambda.defaults.retry.enabled", "false"), false, List.of())
					.getBean(OrderFunctions.class)));
		ConfigurableApplicationContext observed = context(Map.of(), true, List.of());
		OrderFunctions observedFunctions = observed.getBean(OrderFunctions.class);
		checkMeterCounts(observed.getBean(MeterRegistry.class), observedFunctions);
		add("client-observed", "@LambdaClient, Micrometer observation (SimpleMeterRegistry)",
				orderFunctions(observedFunctions));
		ConfigurableApplicationContext observedNoLongTask = context(
				Map.of("management.metrics.observations.ignored-meters", "long-task-timer"), true, List.of());
		OrderFunctions observedNoLongTaskFunctions = observedNoLongTask.getBean(OrderFunctions.class);
		checkMeterCounts(observedNoLongTask.getBean(MeterRegistry.class), observedNoLongTaskFunctions);
		add("client-observed-no-ltt",
				"@LambdaClient, Micrometer observation without the long task timer (ignored-meters=long-task-timer)",
				orderFunctions(observedNoLongTaskFunctions));
		if (this.httpClient == null) {
			AWSLambda sdkV1 = SdkClients.sdkV1(this.endpoint);
			this.resources.add(sdkV1::shutdown);
			V1OrderFunctions v1Functions = SdkClients.sdkV1Functions(sdkV1);
			add("sdk-v1", "SDK v1 LambdaInvokerFactory", switch (this.payload) {
				case SMALL -> () -> v1Functions.small(this.order);
				case MEDIUM -> () -> v1Functions.medium(this.order);
				case LARGE -> () -> v1Functions.large(this.order);
			});
		}
	}

	private void addSdkExtensions() {
		addSdk(BASELINE, "hand-written call on the starter's SDK client (baseline)", List.of());
		addSdk("fixed-endpoint", "+ fixed EndpointProvider", List.of(SdkExtensions.fixedEndpoint(this.endpoint)));
		addSdk("sigv4-only", "+ fixed AuthSchemeProvider (SigV4 only)",
				List.of(SdkExtensions.sigV4Only(Region.US_EAST_1)));
		if (this.httpClient == null) {
			addSdk("no-expect-continue", "+ Apache 5 with Expect: 100-continue off",
					List.of(SdkExtensions.noExpectContinue()));
			addSdk("url-connection", "+ UrlConnectionHttpClient instead of Apache 5",
					List.of(SdkExtensions.urlConnection()));
		}
		addSdk("endpoint-and-auth", "+ fixed EndpointProvider and SigV4-only AuthSchemeProvider",
				List.of(SdkExtensions.fixedEndpoint(this.endpoint), SdkExtensions.sigV4Only(Region.US_EAST_1)));
		ConfigurableApplicationContext both = context(Map.of(), false,
				List.of(SdkExtensions.fixedEndpoint(this.endpoint), SdkExtensions.sigV4Only(Region.US_EAST_1)));
		add("client-endpoint-and-auth", "@LambdaClient, defaults, fixed EndpointProvider and AuthSchemeProvider",
				orderFunctions(both.getBean(OrderFunctions.class)));
	}

	private void addSdk(String name, String description, List<LambdaClientCustomizer> customizers) {
		LambdaClient client = context(Map.of(), false, customizers).getBean(LambdaClient.class);
		add(name, description, new HandWrittenCall(client, this.payload.functionName(), this.order));
	}

	private ConfigurableApplicationContext context(Map<String, Object> properties, boolean observed,
			List<LambdaClientCustomizer> customizers) {
		ConfigurableApplicationContext context = StarterApplication.start(this.endpoint, this.httpClient, properties,
				observed, customizers);
		this.resources.add(context);
		return context;
	}

	private Contender.Call orderFunctions(OrderFunctions functions) {
		return switch (this.payload) {
			case SMALL -> () -> functions.small(this.order);
			case MEDIUM -> () -> functions.medium(this.order);
			case LARGE -> () -> functions.large(this.order);
		};
	}

	// The observed contender must really record: one call, one count.
	private void checkMeterCounts(MeterRegistry registry, OrderFunctions functions) {
		orderFunctions(functions).call();
		Timer timer = registry.find(METER).timer();
		if (timer == null || timer.count() != 1) {
			throw new IllegalStateException("Expected one " + METER + " timer count after one call, found "
					+ ((timer != null) ? timer.count() : "no timer") + " in " + registry.getMeters());
		}
	}

	private void add(String name, String description, Contender.Call call) {
		this.contenders.add(new Contender(name, description, call));
	}

	private void check() {
		for (Contender contender : this.contenders) {
			Object result = contender.call();
			if (!this.order.equals(result)) {
				throw new IllegalStateException(
						"Contender " + contender.name() + " returned another order for " + this.payload);
			}
		}
	}

	/**
	 * Return the contenders, the baseline first.
	 * @return the contenders
	 */
	public List<Contender> all() {
		return List.copyOf(this.contenders);
	}

	/**
	 * Return a contender by name.
	 * @param name the name
	 * @return the contender
	 * @throws IllegalArgumentException if there is none of that name
	 */
	public Contender get(String name) {
		return this.contenders.stream()
			.filter((contender) -> contender.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No contender '" + name + "' in " + this.contenders));
	}

	@Override
	public void close() {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			try {
				this.resources.get(i).close();
			}
			catch (Exception ex) {
				System.getLogger(Contenders.class.getName())
					.log(System.Logger.Level.WARNING, "Could not close " + this.resources.get(i), ex);
			}
		}
		this.resources.clear();
	}

	/**
	 * The sets of contenders.
	 */
	public enum Set {

		/** The starter's entry points against the hand-written call and SDK v1. */
		HEADLINE,

		/** The SDK v2 extension points, one at a time, on the hand-written call. */
		SDK

	}

}

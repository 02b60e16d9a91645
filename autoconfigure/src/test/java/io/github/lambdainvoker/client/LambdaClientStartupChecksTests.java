package io.github.lambdainvoker.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.FunctionRegistry;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaValidationException;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.invoke.ResolvedFunction;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link LambdaClient @LambdaClient} interfaces are checked at start-up:
 * what reaches the function registry, and the failures that name the interface and method
 * at fault.
 */
@Tag("bad-input")
class LambdaClientStartupChecksTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LambdaAutoConfiguration.class, LambdaClientsAutoConfiguration.class))
		.withClassLoader(new FilteredClassLoader(NettyNioAsyncHttpClient.class))
		.withPropertyValues("aws.lambda.region=us-east-1", "aws.lambda.endpoint=http://localhost:9")
		.withBean(AwsCredentialsProvider.class,
				() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")));

	@Test
	void methodAttributesOverrideInterfaceAttributesInTheOptionsGivenToTheRegistry() {
		RecordingFunctionRegistry registry = new RecordingFunctionRegistry();
		this.contextRunner.withBean(FunctionRegistry.class, () -> registry).run((context) -> {
			context.getBean(LambdaClientFactory.class).createClient(LayeredFunctions.class);
			assertThat(registry.resolved).containsExactlyInAnyOrder(
					new Resolution("defaults", new FunctionOptions("live", InvocationType.EVENT, null)),
					new Resolution("overridden", new FunctionOptions("canary", InvocationType.DRY_RUN, null)),
					new Resolution("defaults", new FunctionOptions("live", InvocationType.EVENT, LogType.TAIL)));
		});
	}

	@Test
	void overridingMethodTakesTheNearestLambdaFunctionAndTheOtherAnnotationsOfTheMethodItOverrides() {
		RecordingFunctionRegistry registry = new RecordingFunctionRegistry();
		this.contextRunner.withBean(FunctionRegistry.class, () -> registry).run((context) -> {
			context.getBean(LambdaClientFactory.class).createClient(OverridingFunctions.class);
			assertThat(registry.resolved).containsExactlyInAnyOrder(
					new Resolution("overriding", new FunctionOptions(null, null, LogType.TAIL)),
					new Resolution("inherited", new FunctionOptions("blue", null, null)));
		});
	}

	@Test
	void unknownFunctionKeyInStrictModeFailsStartUp() {
		this.contextRunner.withBean(FunctionRegistry.class, () -> new StrictFunctionRegistry(Set.of("pricing")))
			.withUserConfiguration(UnknownKeyConfiguration.class)
			.run((context) -> assertThatStartupFailure(context)
				.hasMessage("@LambdaClient method " + UnknownKeyFunctions.class.getName()
						+ ".quote(String) invokes function 'pricnig', which cannot "
						+ "be resolved: No function 'pricnig' under aws.lambda.functions")
				.hasCauseInstanceOf(LambdaValidationException.class));
	}

	@Test
	void methodWithTwoPayloadParametersFailsStartUp() {
		this.contextRunner.withUserConfiguration(TwoPayloadsConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ TwoPayloadsFunctions.class.getName() + ".quote(String, String) has more than one payload "
					+ "parameter (parameter 'sku', parameter 'region'); annotate all but one with "
					+ "@FunctionQualifier, @ClientContextValues, @TenantId or @LogTail"));
	}

	@Test
	void methodWithAnUnsupportedReturnTypeFailsStartUp() {
		this.contextRunner.withUserConfiguration(FutureConfiguration.class)
			.run((context) -> assertThatStartupFailure(context)
				.hasMessageStartingWith("@LambdaClient method " + FutureFunctions.class.getName()
						+ ".quote(String) returns java.util.concurrent.Future<java.lang.String>, which is not "
						+ "supported; return T, Optional<T> or LambdaResponse<T>, or one of them in a "
						+ "CompletableFuture, a Mono or another single-value reactive type"));
	}

	@Test
	void methodReturningAWrapperInsideLambdaResponseFailsStartUp() {
		this.contextRunner.withUserConfiguration(NestedWrapperConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessageStartingWith("@LambdaClient method "
					+ NestedWrapperFunctions.class.getName() + ".quote(String) returns "
					+ "io.github.lambdainvoker.invoke.LambdaResponse<java.util.Optional<java.lang.String>>, which "
					+ "is not supported"));
	}

	@Test
	void methodReturningARawCompletableFutureFailsStartUp() {
		this.contextRunner.withUserConfiguration(RawFutureConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ RawFutureFunctions.class.getName() + ".quote(String) returns a raw CompletableFuture; declare "
					+ "its result type, such as CompletableFuture<Quote> or CompletableFuture<Void>"));
	}

	@Test
	void methodWithoutAFunctionFailsStartUp() {
		this.contextRunner.withUserConfiguration(NoFunctionConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ NoFunctionFunctions.class.getName() + ".quote(String) names no function; annotate it with "
					+ "@LambdaFunction(\"<function key>\") or its interface with @LambdaClient(\"<function key>\")"));
	}

	@Test
	void eventMethodReturningAPayloadFailsStartUp() {
		this.contextRunner.withUserConfiguration(EventValueConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ EventValueFunctions.class.getName() + ".audit(String) returns java.lang.String but invokes "
					+ "function 'audit' as Event, which returns no payload; return void, LambdaResponse<Void>, "
					+ "CompletableFuture<Void> or Mono<Void>"));
	}

	@Test
	void parameterOfTheWrongTypeForItsAnnotationFailsStartUp() {
		this.contextRunner.withUserConfiguration(WrongTenantTypeConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ WrongTenantTypeFunctions.class.getName() + ".quote(String, int) has parameter 'tenant' "
					+ "annotated with @TenantId of type int; it must be String"));
	}

	@Test
	void logTailParameterThatIsNotABooleanFailsStartUp() {
		this.contextRunner.withUserConfiguration(WrongLogTailTypeConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ WrongLogTailTypeFunctions.class.getName() + ".quote(String, String) has parameter 'logTail' "
					+ "annotated with @LogTail of type java.lang.String; it must be boolean"));
	}

	@Test
	void clientContextOfTheWrongMapTypeFailsStartUp() {
		this.contextRunner.withUserConfiguration(WrongContextTypeConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ WrongContextTypeFunctions.class.getName() + ".quote(String, Map) has parameter 'custom' "
					+ "annotated with @ClientContextValues of type java.util.Map<java.lang.String, java.lang.Integer>; "
					+ "it must be Map<String, String> or ClientContext"));
	}

	@Test
	void parameterWithTwoAnnotationsFailsStartUp() {
		this.contextRunner.withUserConfiguration(TwoAnnotationsConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ TwoAnnotationsFunctions.class.getName() + ".quote(String, String) has parameter 'value' "
					+ "annotated with more than one of @FunctionQualifier, @TenantId; a parameter plays one part"));
	}

	@Test
	void declaredExceptionThatCannotBeCreatedFromAMessageFailsStartUp() {
		this.contextRunner.withUserConfiguration(UncreatableExceptionConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ UncreatableExceptionFunctions.class.getName() + ".quote(String) declares "
					+ NoMessageException.class.getName() + ", which cannot be created from a function error: it "
					+ "needs a non-private (String) or (String, Throwable) constructor and must not be abstract"));
	}

	@Test
	void methodWithTwoInvocationTypesFailsStartUp() {
		this.contextRunner.withUserConfiguration(TwoInvocationTypesConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ TwoInvocationTypesFunctions.class.getName() + ".audit(String) declares more than one "
					+ "invocation type [EVENT, DRY_RUN]; name one, such as invocationType = InvocationType.EVENT"));
	}

	@Test
	void genericMethodFailsStartUp() {
		this.contextRunner.withUserConfiguration(GenericMethodConfiguration.class)
			.run((context) -> assertThatStartupFailure(context)
				.hasMessage("@LambdaClient method " + GenericMethodFunctions.class.getName()
						+ ".find(String) declares type parameters; a client " + "method needs concrete types"));
	}

	@Test
	void defaultMethodAnnotatedWithLambdaFunctionFailsStartUp() {
		this.contextRunner.withUserConfiguration(AnnotatedDefaultMethodConfiguration.class)
			.run((context) -> assertThatStartupFailure(context).hasMessage("@LambdaClient method "
					+ AnnotatedDefaultMethodFunctions.class.getName() + ".quote(String) is a default method, which "
					+ "runs as written, and is annotated with @LambdaFunction; remove the annotation or the method "
					+ "body"));
	}

	@Test
	void classNamedAsAClientFailsStartUp() {
		this.contextRunner.withUserConfiguration(ClassAsClientConfiguration.class)
			.run((context) -> assertThatStartupFailure(context)
				.hasMessage(NotAnInterface.class.getName() + " cannot be a Lambda client: only interfaces can"));
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertThatStartupFailure(
			AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidLambdaClientException)) {
			failure = failure.getCause();
		}
		assertThat(failure).as("InvalidLambdaClientException in the start-up failure's causes").isNotNull();
		return assertThat(failure);
	}

	/**
	 * A registry that records what it is asked to resolve.
	 */
	static class RecordingFunctionRegistry implements FunctionRegistry {

		final List<Resolution> resolved = new CopyOnWriteArrayList<>();

		@Override
		public ResolvedFunction resolve(String function, FunctionOptions options) {
			this.resolved.add(new Resolution(function, options));
			return FunctionRegistry.NAMES_ONLY.resolve(function, options);
		}

	}

	record Resolution(String function, FunctionOptions options) {

	}

	/**
	 * A registry that knows only configured keys, as in strict mode.
	 */
	static class StrictFunctionRegistry implements FunctionRegistry {

		private final Set<String> keys;

		StrictFunctionRegistry(Set<String> keys) {
			this.keys = keys;
		}

		@Override
		public ResolvedFunction resolve(String function, FunctionOptions options) {
			if (!this.keys.contains(function)) {
				throw new LambdaValidationException("No function '" + function + "' under aws.lambda.functions",
						function, null);
			}
			return FunctionRegistry.NAMES_ONLY.resolve(function, options);
		}

	}

	@LambdaClient(value = "defaults", qualifier = "live", invocationType = InvocationType.EVENT)
	public interface LayeredFunctions {

		void defaults(String event);

		@LambdaFunction(value = "overridden", qualifier = "canary", invocationType = InvocationType.DRY_RUN)
		void overridden(String event);

		@LogTail
		LambdaResponse<Void> withLog(String event);

	}

	public interface BaseFunctions {

		@LogTail
		@LambdaFunction(value = "overridden", qualifier = "green")
		LambdaResponse<Void> withLog(String event);

		@LambdaFunction(value = "inherited", qualifier = "blue")
		void inherited(String event);

	}

	@LambdaClient
	public interface OverridingFunctions extends BaseFunctions {

		@Override
		@LambdaFunction("overriding")
		LambdaResponse<Void> withLog(String event);

	}

	@EnableLambdaClients(clients = UnknownKeyFunctions.class)
	static class UnknownKeyConfiguration {

	}

	@LambdaClient
	public interface UnknownKeyFunctions {

		@LambdaFunction("pricnig")
		String quote(String sku);

	}

	@EnableLambdaClients(clients = TwoPayloadsFunctions.class)
	static class TwoPayloadsConfiguration {

	}

	@LambdaClient("pricing")
	public interface TwoPayloadsFunctions {

		String quote(String sku, String region);

	}

	@EnableLambdaClients(clients = FutureFunctions.class)
	static class FutureConfiguration {

	}

	@LambdaClient("pricing")
	public interface FutureFunctions {

		Future<String> quote(String sku);

	}

	@EnableLambdaClients(clients = NestedWrapperFunctions.class)
	static class NestedWrapperConfiguration {

	}

	@LambdaClient("pricing")
	public interface NestedWrapperFunctions {

		LambdaResponse<Optional<String>> quote(String sku);

	}

	@EnableLambdaClients(clients = RawFutureFunctions.class)
	static class RawFutureConfiguration {

	}

	@LambdaClient("pricing")
	public interface RawFutureFunctions {

		@SuppressWarnings("rawtypes")
		CompletableFuture quote(String sku);

	}

	@EnableLambdaClients(clients = NoFunctionFunctions.class)
	static class NoFunctionConfiguration {

	}

	@LambdaClient
	public interface NoFunctionFunctions {

		String quote(String sku);

	}

	@EnableLambdaClients(clients = EventValueFunctions.class)
	static class EventValueConfiguration {

	}

	@LambdaClient("audit")
	public interface EventValueFunctions {

		@LambdaFunction(invocationType = InvocationType.EVENT)
		String audit(String event);

	}

	@EnableLambdaClients(clients = WrongTenantTypeFunctions.class)
	static class WrongTenantTypeConfiguration {

	}

	@LambdaClient("pricing")
	public interface WrongTenantTypeFunctions {

		String quote(String sku, @TenantId int tenant);

	}

	@EnableLambdaClients(clients = WrongLogTailTypeFunctions.class)
	static class WrongLogTailTypeConfiguration {

	}

	@LambdaClient("pricing")
	public interface WrongLogTailTypeFunctions {

		String quote(String sku, @LogTail String logTail);

	}

	@EnableLambdaClients(clients = WrongContextTypeFunctions.class)
	static class WrongContextTypeConfiguration {

	}

	@LambdaClient("pricing")
	public interface WrongContextTypeFunctions {

		String quote(String sku, @ClientContextValues Map<String, Integer> custom);

	}

	@EnableLambdaClients(clients = TwoAnnotationsFunctions.class)
	static class TwoAnnotationsConfiguration {

	}

	@LambdaClient("pricing")
	public interface TwoAnnotationsFunctions {

		String quote(String sku, @FunctionQualifier @TenantId String value);

	}

	@EnableLambdaClients(clients = UncreatableExceptionFunctions.class)
	static class UncreatableExceptionConfiguration {

	}

	@LambdaClient("pricing")
	public interface UncreatableExceptionFunctions {

		String quote(String sku) throws NoMessageException;

	}

	public static class NoMessageException extends Exception {

		public NoMessageException() {
		}

	}

	@EnableLambdaClients(clients = TwoInvocationTypesFunctions.class)
	static class TwoInvocationTypesConfiguration {

	}

	@LambdaClient("audit")
	public interface TwoInvocationTypesFunctions {

		@LambdaFunction(invocationType = { InvocationType.EVENT, InvocationType.DRY_RUN })
		void audit(String event);

	}

	@EnableLambdaClients(clients = GenericMethodFunctions.class)
	static class GenericMethodConfiguration {

	}

	@LambdaClient("catalog")
	public interface GenericMethodFunctions {

		<T> T find(String id);

	}

	@EnableLambdaClients(clients = AnnotatedDefaultMethodFunctions.class)
	static class AnnotatedDefaultMethodConfiguration {

	}

	@LambdaClient
	public interface AnnotatedDefaultMethodFunctions {

		@LambdaFunction("pricing")
		default String quote(String sku) {
			return sku;
		}

	}

	@EnableLambdaClients(clients = NotAnInterface.class)
	static class ClassAsClientConfiguration {

	}

	public static class NotAnInterface {

	}

}

package io.github.lambdainvoker.client;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.lambdainvoker.client.LambdaClientAsyncWireTests.SoldOutException;
import io.github.lambdainvoker.client.LambdaClientWireTests.AuditEvent;
import io.github.lambdainvoker.client.LambdaClientWireTests.Quote;
import io.github.lambdainvoker.client.LambdaClientWireTests.QuoteRequest;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaFunctionException;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LambdaServerException;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Single;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;

import io.github.lambdainvoker.autoconfigure.LambdaObservationAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.lambdainvoker.client.LambdaWireMock.accepted;
import static io.github.lambdainvoker.client.LambdaWireMock.functionError;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.invocations;
import static io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static io.github.lambdainvoker.invoke.EventStreamFrames.chunk;
import static io.github.lambdainvoker.invoke.EventStreamFrames.complete;
import static io.github.lambdainvoker.invoke.EventStreamFrames.eventStream;
import static io.github.lambdainvoker.invoke.EventStreamFrames.streamingPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Wire tests for {@link LambdaClient @LambdaClient} methods that return reactive types:
 * {@code Mono}, {@code Flux} of response chunks and RxJava types, through Spring's
 * {@code ReactiveAdapterRegistry}. Calls that need the asynchronous SDK client
 * (streaming, cancelling a call on the wire) use it; the others run the synchronous
 * client on the invoker's executor.
 */
class LambdaClientReactiveWireTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String QUOTE_JSON = "{\"sku\":\"sku-1\",\"price\":12.50}";

	private static final QuoteRequest QUOTE_REQUEST = new QuoteRequest("sku-1", 2);

	private static final Quote QUOTE = new Quote("sku-1", new BigDecimal("12.50"));

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	private final ApplicationContextRunner asyncContextRunner = LambdaWireMock.asyncContextRunner(wireMock)
		.withUserConfiguration(ClientsConfiguration.class);

	@Test
	void monoSendsNothingUntilSubscribedAndOneRequestPerSubscription() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			Mono<Quote> quote = context.getBean(ReactivePricingFunctions.class).quote(QUOTE_REQUEST);
			assertThat(wireMock.getAllServeEvents()).isEmpty();
			StepVerifier.create(quote).expectNext(QUOTE).verifyComplete();
			assertThat(onlyInvocation(wireMock, "pricing").getBodyAsString())
				.isEqualTo("{\"sku\":\"sku-1\",\"quantity\":2}");
			StepVerifier.create(quote).expectNext(QUOTE).verifyComplete();
			assertThat(invocations(wireMock, "pricing")).hasSize(2);
		});
	}

	@Test
	void monoIsEmptyForAnEmptyPayload() {
		wireMock.stubFor(invocation("pricing").willReturn(result("")));
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quote(QUOTE_REQUEST)).verifyComplete();
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void monoOfLambdaResponseEmitsTheResponse() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON, "7")));
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quoteWithDetails(QUOTE_REQUEST))
				.assertNext((response) -> {
					assertThat(response.statusCode()).isEqualTo(200);
					assertThat(response.executedVersion()).isEqualTo("7");
					assertThat(response.payload()).isEqualTo(QUOTE);
				})
				.verifyComplete();
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void monoOfVoidCompletesOnceTheEventIsAccepted() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()));
		this.contextRunner.run((context) -> {
			Mono<Void> audit = context.getBean(ReactivePricingFunctions.class).audit(new AuditEvent("quoted"));
			assertThat(wireMock.getAllServeEvents()).isEmpty();
			StepVerifier.create(audit).verifyComplete();
			assertThat(onlyInvocation(wireMock, "audit").getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		});
	}

	@Test
	void monoFailsWithTheDeclaredExceptionForAFunctionError() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("SoldOutException", "sku-1 is sold out")));
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quoteOrSoldOut(QUOTE_REQUEST))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(SoldOutException.class)
					.hasMessage("sku-1 is sold out")
					.hasCauseInstanceOf(LambdaFunctionException.class))
				.verify(Duration.ofSeconds(10));
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void monoFailsWithLambdaFunctionExceptionForAnUndeclaredError() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("ValueError", "bad sku")));
		this.contextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quote(QUOTE_REQUEST))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LambdaFunctionException.class,
						(functionError) -> assertThat(functionError.getErrorType()).isEqualTo("ValueError")))
				.verify(Duration.ofSeconds(10));
		});
	}

	@Test
	void monoIsRetriedAndObservedAsOneCall() {
		wireMock.stubFor(invocation("pricing").inScenario("retry")
			.whenScenarioStateIs(STARTED)
			.willReturn(serviceError())
			.willSetStateTo("recovered"));
		wireMock.stubFor(invocation("pricing").inScenario("retry")
			.whenScenarioStateIs("recovered")
			.willReturn(result(QUOTE_JSON)));
		TestObservationRegistry observations = TestObservationRegistry.create();
		this.contextRunner.withConfiguration(AutoConfigurations.of(LambdaObservationAutoConfiguration.class))
			.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("aws.lambda.defaults.retry.initial-interval=5ms")
			.run((context) -> {
				StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quote(QUOTE_REQUEST))
					.expectNext(QUOTE)
					.verifyComplete();
				assertThat(invocations(wireMock, "pricing")).hasSize(2);
				TestObservationRegistryAssert.assertThat(observations)
					.hasNumberOfObservationsWithNameEqualTo("aws.lambda.invocations", 1)
					.hasObservationWithNameEqualTo("aws.lambda.invocations")
					.that()
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			});
	}

	@Test
	void monoThatRunsOutOfRetriesFailsWithTheLastError() {
		wireMock.stubFor(invocation("pricing").willReturn(serviceError()));
		this.contextRunner
			.withPropertyValues("aws.lambda.defaults.retry.initial-interval=5ms",
					"aws.lambda.defaults.retry.max-attempts=2")
			.run((context) -> {
				StepVerifier.create(context.getBean(ReactivePricingFunctions.class).quote(QUOTE_REQUEST))
					.expectError(LambdaServerException.class)
					.verify(Duration.ofSeconds(10));
				assertThat(invocations(wireMock, "pricing")).hasSize(2);
			});
	}

	@Test
	void cancellingAMonoAfterSubscribeReleasesItsBulkheadPermit() {
		wireMock.stubFor(invocation("pricing").withRequestBody(containing("sku-1"))
			.willReturn(result(QUOTE_JSON).withFixedDelay(3000)));
		wireMock.stubFor(invocation("pricing").withRequestBody(containing("sku-2"))
			.willReturn(result("{\"sku\":\"sku-2\",\"price\":3}")));
		this.asyncContextRunner.withPropertyValues("aws.lambda.functions.pricing.max-concurrency=1").run((context) -> {
			ReactivePricingFunctions pricing = context.getBean(ReactivePricingFunctions.class);
			Disposable slowCall = pricing.quote(QUOTE_REQUEST).subscribe();
			await().atMost(Duration.ofSeconds(5)).until(() -> invocations(wireMock, "pricing").size() == 1);
			slowCall.dispose();
			StepVerifier.create(pricing.quote(new QuoteRequest("sku-2", 1)))
				.expectNext(new Quote("sku-2", new BigDecimal("3")))
				.verifyComplete();
			assertThat(invocations(wireMock, "pricing")).hasSize(2);
		});
	}

	@Test
	void rxJavaSingleIsLazyAndEmitsTheResult() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)));
		this.contextRunner.run((context) -> {
			Single<Quote> quote = context.getBean(ReactivePricingFunctions.class).quoteAsSingle(QUOTE_REQUEST);
			assertThat(wireMock.getAllServeEvents()).isEmpty();
			assertThat(quote.blockingGet()).isEqualTo(QUOTE);
			onlyInvocation(wireMock, "pricing");
		});
	}

	@Test
	void rxJavaCompletableCompletesOnceTheEventIsAccepted() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()));
		this.contextRunner.run((context) -> {
			Completable audit = context.getBean(ReactivePricingFunctions.class).auditAsCompletable(new AuditEvent("x"));
			assertThat(wireMock.getAllServeEvents()).isEmpty();
			audit.blockingAwait();
			assertThat(onlyInvocation(wireMock, "audit").getHeader("X-Amz-Invocation-Type")).isEqualTo("Event");
		});
	}

	@Test
	void fluxOfByteArraysEmitsTheStreamedChunksInOrder() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story")))
			.willReturn(eventStream(chunk("once "), chunk("upon "), chunk("a time"), complete(null, null))));
		this.asyncContextRunner.run((context) -> {
			Flux<byte[]> story = context.getBean(ReactiveStoryFunctions.class).tell("dragons");
			assertThat(wireMock.getAllServeEvents()).isEmpty();
			StepVerifier.create(story.map((chunk) -> new String(chunk, StandardCharsets.UTF_8)))
				.expectNext("once ", "upon ", "a time")
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			assertThat(streamedRequests()).singleElement()
				.satisfies((request) -> assertThat(request.getBodyAsString()).isEqualTo("dragons"));
		});
	}

	@Test
	void fluxOfDataBuffersEmitsTheStreamedChunksAndTheFunctionErrorAtTheEnd() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story"))).willReturn(eventStream(chunk("once"),
				complete("Unhandled", "{\"errorType\":\"WriterBlock\",\"errorMessage\":\"no ending\"}"))));
		this.asyncContextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactiveStoryFunctions.class).tellBuffers("dragons"))
				.assertNext((buffer) -> assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("once"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(LambdaFunctionException.class)
					.hasMessageContaining("no ending"))
				.verify(Duration.ofSeconds(10));
			assertThat(streamedRequests()).hasSize(1);
		});
	}

	@Test
	void fluxTakingFewerChunksThanStreamedCancelsQuietly() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story")))
			.willReturn(eventStream(chunk("once "), chunk("upon "), chunk("a time"), complete(null, null))));
		this.asyncContextRunner.run((context) -> {
			StepVerifier.create(context.getBean(ReactiveStoryFunctions.class).tell("dragons").take(1))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
			assertThat(streamedRequests()).hasSize(1);
		});
	}

	@Test
	void fluxWithoutResponseStreamIsRejected() {
		assertRejected(ManyValuesFunctions.class,
				"returns reactor.core.publisher.Flux<" + Quote.class.getName()
						+ ">, which emits many values; return a single-value type such as "
						+ "Mono<Quote> for the result, or annotate the method with @ResponseStream");
	}

	@Test
	void streamedFluxOfAnotherElementTypeIsRejected() {
		assertRejected(StreamOfStringsFunctions.class,
				"return the response's chunks as Flux<byte[]> or Flux<DataBuffer>");
	}

	@Test
	void rawMonoIsRejected() {
		assertRejected(RawMonoFunctions.class, "returns a raw Mono; declare its result type, such as Mono<Quote>");
	}

	@Test
	void futureInsideMonoIsRejected() {
		assertRejected(NestedFunctions.class, "which is not supported");
	}

	@Test
	void monoOfAValueForAnEventFunctionIsRejected() {
		assertRejected(EventValueFunctions.class, "which returns no payload; return void, LambdaResponse<Void>, "
				+ "CompletableFuture<Void> or Mono<Void>");
	}

	private void assertRejected(Class<?> clientType, String message) {
		this.contextRunner.run((context) -> assertThatExceptionOfType(InvalidLambdaClientException.class)
			.isThrownBy(() -> context.getBean(LambdaClientFactory.class).createClient(clientType))
			.withMessageContaining(message));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private static List<LoggedRequest> streamedRequests() {
		return wireMock.findAll(postRequestedFor(urlPathEqualTo(streamingPath("story"))));
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder serviceError() {
		return aResponse().withStatus(500)
			.withHeader("X-Amzn-ErrorType", "ServiceException")
			.withBody("{\"message\":\"boom\"}");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = { ReactivePricingFunctions.class, ReactiveStoryFunctions.class })
	static class ClientsConfiguration {

	}

	@LambdaClient("pricing")
	public interface ReactivePricingFunctions {

		Mono<Quote> quote(QuoteRequest request);

		Mono<Quote> quoteOrSoldOut(QuoteRequest request) throws SoldOutException;

		Mono<LambdaResponse<Quote>> quoteWithDetails(QuoteRequest request);

		Single<Quote> quoteAsSingle(QuoteRequest request);

		@LambdaFunction(value = "audit", invocationType = InvocationType.EVENT)
		Mono<Void> audit(AuditEvent event);

		@LambdaFunction(value = "audit", invocationType = InvocationType.EVENT)
		Completable auditAsCompletable(AuditEvent event);

	}

	@LambdaClient("story")
	public interface ReactiveStoryFunctions {

		@ResponseStream
		Flux<byte[]> tell(String topic);

		@ResponseStream
		Flux<DataBuffer> tellBuffers(String topic);

	}

	@LambdaClient("pricing")
	public interface ManyValuesFunctions {

		Flux<Quote> quotes(QuoteRequest request);

	}

	@LambdaClient("story")
	public interface StreamOfStringsFunctions {

		@ResponseStream
		Flux<String> tell(String topic);

	}

	@LambdaClient("pricing")
	public interface RawMonoFunctions {

		@SuppressWarnings("rawtypes")
		Mono quote(QuoteRequest request);

	}

	@LambdaClient("pricing")
	public interface NestedFunctions {

		Mono<java.util.concurrent.CompletableFuture<Quote>> quote(QuoteRequest request);

	}

	@LambdaClient(value = "audit", invocationType = InvocationType.EVENT)
	public interface EventValueFunctions {

		Mono<Quote> audit(AuditEvent event);

	}

}

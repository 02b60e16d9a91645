package io.github.lambdainvoker.client

import com.github.tomakehurst.wiremock.client.WireMock.containing
import com.github.tomakehurst.wiremock.client.WireMock.post
import com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor
import com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo
import com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig
import com.github.tomakehurst.wiremock.junit5.WireMockExtension
import io.github.lambdainvoker.client.LambdaWireMock.accepted
import io.github.lambdainvoker.client.LambdaWireMock.functionError
import io.github.lambdainvoker.client.LambdaWireMock.invocation
import io.github.lambdainvoker.client.LambdaWireMock.invocations
import io.github.lambdainvoker.client.LambdaWireMock.onlyInvocation
import io.github.lambdainvoker.client.LambdaWireMock.result
import io.github.lambdainvoker.invoke.EventStreamFrames.chunk
import io.github.lambdainvoker.invoke.EventStreamFrames.complete
import io.github.lambdainvoker.invoke.EventStreamFrames.eventStream
import io.github.lambdainvoker.invoke.EventStreamFrames.streamingPath
import io.github.lambdainvoker.invoke.InvocationType
import io.github.lambdainvoker.invoke.LambdaFunctionException
import io.github.lambdainvoker.invoke.LambdaInvoker
import io.github.lambdainvoker.invoke.LambdaResponse
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatExceptionOfType
import org.awaitility.Awaitility.await
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.extension.RegisterExtension
import org.springframework.boot.autoconfigure.AutoConfigurations
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration
import org.springframework.boot.test.context.FilteredClassLoader
import org.springframework.boot.test.context.runner.ApplicationContextRunner
import org.springframework.context.annotation.Configuration
import java.math.BigDecimal
import java.time.Duration
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * Kotlin clients: `suspend fun` methods, `Flow` of streamed chunks and data classes as
 * payloads, read and written through Boot's Jackson with the Kotlin module.
 */
class KotlinLambdaClientTests {

	companion object {

		@JvmField
		@RegisterExtension
		val wireMock: WireMockExtension = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build()

		private const val QUOTE_JSON = """{"sku":"sku-1","price":12.50}"""

	}

	private val contextRunner: ApplicationContextRunner = LambdaWireMock.contextRunner(wireMock)
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration::class.java))
		.withUserConfiguration(ClientsConfiguration::class.java)

	@Test
	fun suspendFunctionSendsAndReturnsDataClasses() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON)))
		contextRunner.run { context ->
			val pricing = context.getBean(KotlinPricingFunctions::class.java)
			val quote = runBlocking { pricing.quote(QuoteRequest("sku-1", 2)) }
			// The currency is missing from the payload: only the Kotlin module applies its default.
			assertThat(quote).isEqualTo(Quote("sku-1", BigDecimal("12.50"), "EUR"))
			assertThat(onlyInvocation(wireMock, "pricing").bodyAsString).isEqualTo("""{"sku":"sku-1","quantity":2}""")
		}
	}

	@Test
	fun suspendFunctionReturnsTheLambdaResponse() {
		wireMock.stubFor(invocation("pricing").willReturn(result(QUOTE_JSON, "4")))
		contextRunner.run { context ->
			val response = runBlocking {
				context.getBean(KotlinPricingFunctions::class.java).quoteWithDetails(QuoteRequest("sku-1", 2))
			}
			assertThat(response.executedVersion()).isEqualTo("4")
			assertThat(response.payload()).isEqualTo(Quote("sku-1", BigDecimal("12.50"), "EUR"))
			onlyInvocation(wireMock, "pricing")
		}
	}

	@Test
	fun suspendFunctionReturningUnitReturnsOnceTheEventIsAccepted() {
		wireMock.stubFor(invocation("audit").willReturn(accepted()))
		contextRunner.run { context ->
			val result: Unit = runBlocking { context.getBean(KotlinPricingFunctions::class.java).audit(AuditEvent("quoted")) }
			assertThat(result).isSameAs(Unit)
			assertThat(onlyInvocation(wireMock, "audit").getHeader("X-Amz-Invocation-Type")).isEqualTo("Event")
		}
	}

	@Test
	fun suspendFunctionThrowsTheDeclaredExceptionForAFunctionError() {
		wireMock.stubFor(invocation("pricing").willReturn(functionError("SoldOutException", "sku-1 is sold out")))
		contextRunner.run { context ->
			val pricing = context.getBean(KotlinPricingFunctions::class.java)
			assertThatExceptionOfType(SoldOutException::class.java)
				.isThrownBy { runBlocking { pricing.quoteOrSoldOut(QuoteRequest("sku-1", 2)) } }
				.withMessage("sku-1 is sold out")
				// With assertions on, coroutines rethrow a copy whose cause is the original
				.withRootCauseInstanceOf(LambdaFunctionException::class.java)
			onlyInvocation(wireMock, "pricing")
		}
	}

	@Test
	fun cancellingTheCoroutineCancelsTheCallAndReleasesItsBulkheadPermit() {
		wireMock.stubFor(invocation("pricing").withRequestBody(containing("sku-1"))
			.willReturn(result(QUOTE_JSON).withFixedDelay(3000)))
		wireMock.stubFor(invocation("pricing").withRequestBody(containing("sku-2"))
			.willReturn(result("""{"sku":"sku-2","price":3}""")))
		LambdaWireMock.asyncContextRunner(wireMock)
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration::class.java))
			.withUserConfiguration(ClientsConfiguration::class.java)
			.withPropertyValues("aws.lambda.functions.pricing.max-concurrency=1")
			.run { context ->
				val pricing = context.getBean(KotlinPricingFunctions::class.java)
				val cancelled = CountDownLatch(1)
				runBlocking {
					val slowCall = launch(Dispatchers.IO) {
						try {
							pricing.quote(QuoteRequest("sku-1", 2))
						}
						catch (ex: CancellationException) {
							cancelled.countDown()
							throw ex
						}
					}
					await().atMost(Duration.ofSeconds(5)).until { invocations(wireMock, "pricing").size == 1 }
					slowCall.cancel()
					// Resumed at once, not when the function answers three seconds later
					assertThat(cancelled.await(1, TimeUnit.SECONDS)).isTrue()
					assertThat(pricing.quote(QuoteRequest("sku-2", 1))).isEqualTo(Quote("sku-2", BigDecimal("3"), "EUR"))
				}
				assertThat(invocations(wireMock, "pricing")).hasSize(2)
			}
	}

	@Test
	fun flowEmitsTheStreamedChunksInOrderOnceCollected() {
		wireMock.stubFor(post(urlPathEqualTo(streamingPath("story")))
			.willReturn(eventStream(chunk("once "), chunk("upon a time"), complete(null, null))))
		LambdaWireMock.asyncContextRunner(wireMock)
			.withUserConfiguration(ClientsConfiguration::class.java)
			.run { context ->
				val story = context.getBean(KotlinStoryFunctions::class.java).tell("dragons")
				assertThat(wireMock.allServeEvents).isEmpty()
				val chunks = runBlocking { story.map { String(it, Charsets.UTF_8) }.toList() }
				assertThat(chunks).containsExactly("once ", "upon a time")
				assertThat(wireMock.findAll(postRequestedFor(urlPathEqualTo(streamingPath("story"))))).hasSize(1)
			}
	}

	@Test
	fun suspendFunctionWithoutKotlinxCoroutinesFailsStartUp() {
		contextRunner.run { context ->
			val parser = ClientMethodParser(KotlinPricingFunctions::class.java, context.getBean(LambdaInvoker::class.java),
				null, FilteredClassLoader("kotlinx.coroutines."))
			assertThatExceptionOfType(InvalidLambdaClientException::class.java)
				.isThrownBy { parser.parse() }
				.withMessageContaining("is a suspend function, which needs kotlinx-coroutines-core")
		}
		assertThat(wireMock.allServeEvents).isEmpty()
	}

	@Test
	fun flowWithoutKotlinxCoroutinesReactorFailsStartUp() {
		contextRunner.run { context ->
			val parser = ClientMethodParser(KotlinStoryFunctions::class.java, context.getBean(LambdaInvoker::class.java),
				null, FilteredClassLoader("kotlinx.coroutines.reactor."))
			assertThatExceptionOfType(InvalidLambdaClientException::class.java)
				.isThrownBy { parser.parse() }
				.withMessage("@LambdaClient method ${KotlinStoryFunctions::class.java.name}.tell(String) returns "
						+ "kotlinx.coroutines.flow.Flow<byte[]>, which needs kotlinx-coroutines-reactor "
						+ "(org.jetbrains.kotlinx:kotlinx-coroutines-reactor) on the class path")
		}
	}

	data class QuoteRequest(val sku: String, val quantity: Int)

	data class Quote(val sku: String, val price: BigDecimal, val currency: String = "EUR")

	data class AuditEvent(val action: String)

	class SoldOutException(message: String, cause: Throwable) : Exception(message, cause)

	@LambdaClient("pricing")
	interface KotlinPricingFunctions {

		suspend fun quote(request: QuoteRequest): Quote

		@Throws(SoldOutException::class)
		suspend fun quoteOrSoldOut(request: QuoteRequest): Quote

		suspend fun quoteWithDetails(request: QuoteRequest): LambdaResponse<Quote>

		@LambdaFunction(value = "audit", invocationType = [InvocationType.EVENT])
		suspend fun audit(event: AuditEvent)

	}

	@LambdaClient("story")
	interface KotlinStoryFunctions {

		@ResponseStream
		fun tell(topic: String): Flow<ByteArray>

	}

	@Configuration(proxyBeanMethods = false)
	@EnableLambdaClients(clients = [KotlinPricingFunctions::class, KotlinStoryFunctions::class])
	class ClientsConfiguration

}

package io.github.lambdainvoker.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.lambdainvoker.client.LambdaWireMock;
import io.github.lambdainvoker.health.LambdaHealthContributor;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.lambda.LambdaBaseClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.TaskRejectedException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.github.lambdainvoker.client.LambdaWireMock.invocation;
import static io.github.lambdainvoker.client.LambdaWireMock.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The work the starter runs on threads of its own (asynchronous calls without the Netty
 * client, health probes) runs on Spring Boot's application task executor when there is
 * one. The thread that sent each request is recorded by an SDK interceptor.
 */
class AsyncWorkExecutorTests {

	@RegisterExtension
	static WireMockExtension wireMock = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final SendingThreads sendingThreads = new SendingThreads();

	private final ApplicationContextRunner contextRunner = LambdaWireMock.contextRunner(wireMock)
		.withPropertyValues("spring.task.execution.thread-name-prefix=app-task-",
				"aws.lambda.functions.pricing.qualifier=live")
		.withBean("sendingThreads", LambdaClientCustomizer.class, () -> this.sendingThreads);

	@Test
	void asynchronousCallsWithoutTheAsyncClientRunOnTheApplicationTaskExecutor() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.run((context) -> {
				assertThat(context.getBean(AsyncWorkExecutor.class).executor())
					.isSameAs(context.getBean("applicationTaskExecutor"));
				assertThat(context.getBean(LambdaInvoker.class)
					.invokeAsync("pricing", null, String.class)
					.get(10, TimeUnit.SECONDS)).isEqualTo("12.50");
				assertThat(this.sendingThreads.names()).singleElement().asString().startsWith("app-task-");
			});
	}

	@Test
	void healthProbesRunOnTheApplicationTaskExecutor() {
		wireMock.stubFor(invocation("pricing").willReturn(aResponse().withStatus(204)));
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class,
					LambdaHealthContributorAutoConfiguration.class))
			.run((context) -> {
				HealthIndicator pricing = (HealthIndicator) context.getBean(LambdaHealthContributor.class)
					.getContributor("pricing");
				assertThat(pricing.health().getStatus()).isEqualTo(Status.UP);
				assertThat(this.sendingThreads.names()).singleElement().asString().startsWith("app-task-");
			});
	}

	@Test
	void withoutAnApplicationTaskExecutorTheStarterRunsItsOwnAndStopsItWithTheContext() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		Executor[] executor = new Executor[1];
		this.contextRunner.run((context) -> {
			executor[0] = context.getBean(AsyncWorkExecutor.class).executor();
			context.getBean(LambdaInvoker.class).invokeAsync("pricing", null, String.class).get(10, TimeUnit.SECONDS);
			assertThat(this.sendingThreads.names()).singleElement().asString().startsWith("lambda-invoker-");
		});
		assertThatExceptionOfType(TaskRejectedException.class).isThrownBy(() -> executor[0].execute(() -> {
		}));
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void withVirtualThreadsEnabledAsynchronousCallsRunOnVirtualThreads() {
		wireMock.stubFor(invocation("pricing").willReturn(result("12.50")));
		this.contextRunner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> {
				context.getBean(LambdaInvoker.class)
					.invokeAsync("pricing", null, String.class)
					.get(10, TimeUnit.SECONDS);
				assertThat(this.sendingThreads.threads).singleElement()
					.satisfies((thread) -> assertThat((boolean) Thread.class.getMethod("isVirtual").invoke(thread))
						.isTrue());
			});
	}

	/**
	 * Records the thread that sends each request of the synchronous clients.
	 */
	static final class SendingThreads implements LambdaClientCustomizer {

		final List<Thread> threads = new CopyOnWriteArrayList<>();

		@Override
		public void customize(LambdaBaseClientBuilder<?, ?> builder) {
			builder.overrideConfiguration(
					builder.overrideConfiguration().toBuilder().addExecutionInterceptor(new ExecutionInterceptor() {

						@Override
						public void beforeExecution(Context.BeforeExecution context,
								ExecutionAttributes executionAttributes) {
							SendingThreads.this.threads.add(Thread.currentThread());
						}

					}).build());
		}

		List<String> names() {
			return this.threads.stream().map(Thread::getName).toList();
		}

	}

}

package io.github.lambdainvoker.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.invoke.LambdaResponse;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LambdaClientBeanRegistrationAotProcessor}.
 */
class LambdaClientBeanRegistrationAotProcessorTests {

	private final LambdaClientBeanRegistrationAotProcessor processor = new LambdaClientBeanRegistrationAotProcessor();

	@Test
	void clientBeanContributesTheHintsOfItsInterface() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		new LambdaClientBeanDefinitions(beanFactory).register(OrderFunctions.class);
		String beanName = beanFactory.getBeanDefinitionNames()[0];
		BeanRegistrationAotContribution contribution = this.processor
			.processAheadOfTime(RegisteredBean.of(beanFactory, beanName));
		assertThat(contribution).isNotNull();
		TestGenerationContext generationContext = new TestGenerationContext();
		contribution.applyTo(generationContext, mock());
		RuntimeHints hints = generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(OrderFunctions.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(OrderFunctions.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(OrderRejectedException.class)
			.withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(OrderRequest.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Receipt.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Invoice.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(LambdaResponse.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Mono.class)).rejects(hints);
	}

	@Test
	void otherBeansContributeNothing() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("order", new RootBeanDefinition(Order.class));
		assertThat(this.processor.processAheadOfTime(RegisteredBean.of(beanFactory, "order"))).isNull();
	}

	@LambdaClient("orders")
	public interface OrderFunctions {

		Order place(OrderRequest request, @ClientContextValues Map<String, String> custom)
				throws OrderRejectedException;

		CompletableFuture<LambdaResponse<List<Receipt>>> receipts(String orderId);

		Mono<Invoice> invoice(String orderId);

	}

	public record OrderRequest(String sku) {

	}

	public record Order(String id) {

	}

	public record Receipt(String id) {

	}

	public record Invoice(String id) {

	}

	public static class OrderRejectedException extends Exception {

		public OrderRejectedException(String message) {
			super(message);
		}

	}

}

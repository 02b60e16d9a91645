package io.github.lambdainvoker.client;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;

import io.github.lambdainvoker.invoke.FunctionReference;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Creates the proxies behind {@link LambdaClient @LambdaClient} interfaces. One instance,
 * registered as the bean {@value #BEAN_NAME}, creates every client bean: each is a bean
 * definition whose instance comes from {@link #createClient(Class)} on this factory.
 * <p>
 * Call it yourself to create a client with a qualifier of its own, for example a second
 * bean of the same interface for another alias:
 *
 * <pre class="code">
 * &#64;Bean
 * &#64;Qualifier("canary")
 * PricingFunctions canaryPricing(LambdaClientFactory factory) {
 *     return factory.createClient(PricingFunctions.class, "canary");
 * }
 * </pre>
 */
public class LambdaClientFactory {

	/** Name of the factory bean that client bean definitions refer to. */
	public static final String BEAN_NAME = "lambdaClientFactory";

	private final Supplier<? extends LambdaInvoker> invoker;

	/**
	 * Create a factory.
	 * @param invoker supplies the invoker, asked for once, on the first client created
	 */
	public LambdaClientFactory(Supplier<? extends LambdaInvoker> invoker) {
		this.invoker = SingletonSupplier.of(invoker);
	}

	/**
	 * Create a client: parse every method of the interface and resolve its function.
	 * @param <T> the client type
	 * @param clientType the client interface
	 * @return the client
	 * @throws InvalidLambdaClientException if the interface or one of its methods breaks
	 * a rule
	 */
	public <T> T createClient(Class<T> clientType) {
		return create(clientType, null);
	}

	/**
	 * Create a client whose calls all invoke the given version or alias, unless a
	 * {@link FunctionQualifier @FunctionQualifier} argument names another.
	 * @param <T> the client type
	 * @param clientType the client interface
	 * @param qualifier the version or alias
	 * @return the client
	 * @throws InvalidLambdaClientException if the interface or one of its methods breaks
	 * a rule, or the qualifier is not valid
	 */
	public <T> T createClient(Class<T> clientType, String qualifier) {
		return create(clientType, qualifier);
	}

	private <T> T create(Class<T> clientType, @Nullable String qualifier) {
		checkClientType(clientType);
		if (qualifier != null) {
			checkQualifier(clientType, qualifier);
		}
		Map<Method, ClientMethodPlan> plans = new ClientMethodParser(clientType, this.invoker.get(), qualifier).parse();
		String description = "LambdaClient[" + clientType.getName()
				+ ((qualifier != null) ? ", qualifier=" + qualifier : "") + "]";
		Object proxy = Proxy.newProxyInstance(clientType.getClassLoader(), new Class<?>[] { clientType },
				new LambdaClientInvocationHandler(description, plans));
		return clientType.cast(proxy);
	}

	private static void checkClientType(Class<?> clientType) {
		if (!clientType.isInterface() || clientType.isAnnotation()) {
			throw new InvalidLambdaClientException(
					clientType.getName() + " cannot be a Lambda client: only interfaces can", clientType, null, null);
		}
		if (clientType.isSealed()) {
			throw new InvalidLambdaClientException(
					clientType.getName() + " cannot be a Lambda client: it is sealed, so no proxy can implement it",
					clientType, null, null);
		}
	}

	private static void checkQualifier(Class<?> clientType, String qualifier) {
		try {
			FunctionReference.checkQualifier(clientType.getName(), qualifier);
		}
		catch (RuntimeException ex) {
			throw new InvalidLambdaClientException(
					"Client " + clientType.getName() + " cannot use qualifier '" + qualifier + "': " + ex.getMessage(),
					clientType, null, ex);
		}
	}

}

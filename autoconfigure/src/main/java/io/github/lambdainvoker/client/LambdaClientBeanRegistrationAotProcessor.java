package io.github.lambdainvoker.client;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.github.lambdainvoker.invoke.LambdaResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.KotlinDetector;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * Contributes the runtime hints a native image needs for each client bean registered from
 * a {@link LambdaClient @LambdaClient} interface: the JDK proxy, invocation of the
 * interface's methods (default methods included), the constructors of the exceptions they
 * declare, and binding hints for payload and result types. The bean definitions
 * themselves need no custom code.
 */
class LambdaClientBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private final BindingReflectionHintsRegistrar bindingRegistrar = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		RootBeanDefinition definition = registeredBean.getMergedBeanDefinition();
		Class<?> clientType = definition.getTargetType();
		if (!LambdaClientFactory.BEAN_NAME.equals(definition.getFactoryBeanName()) || clientType == null
				|| !clientType.isInterface()) {
			return null;
		}
		return (generationContext, code) -> registerHints(generationContext.getRuntimeHints(), clientType);
	}

	void registerHints(RuntimeHints hints, Class<?> clientType) {
		hints.proxies().registerJdkProxy(clientType);
		hints.reflection().registerType(clientType, MemberCategory.INVOKE_PUBLIC_METHODS);
		for (Method method : clientType.getMethods()) {
			for (Class<?> exceptionType : method.getExceptionTypes()) {
				hints.reflection().registerType(exceptionType, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
			}
			boolean suspending = KotlinDetector.isSuspendingFunction(method);
			Parameter[] parameters = method.getParameters();
			// A suspend function's continuation is no payload; its type argument is the
			// result.
			for (int i = 0; i < (suspending ? parameters.length - 1 : parameters.length); i++) {
				if (!MergedAnnotations.from(parameters[i]).isPresent(ClientContextValues.class)) {
					this.bindingRegistrar.registerReflectionHints(hints.reflection(),
							parameters[i].getParameterizedType());
				}
			}
			ResolvableType resultType = suspending ? ClientMethodParser.suspendingResultType(method, clientType)
					: ResolvableType.forMethodReturnType(method, clientType);
			this.bindingRegistrar.registerReflectionHints(hints.reflection(),
					ConcreteTypes.of(payloadType(resultType)));
		}
	}

	private static ResolvableType payloadType(ResolvableType type) {
		Class<?> rawType = type.toClass();
		boolean wrapper = rawType == CompletableFuture.class || rawType == Optional.class
				|| rawType == LambdaResponse.class || ClientMethodParser.reactiveAdapter(rawType) != null;
		if (wrapper && type.hasGenerics()) {
			return payloadType(type.getGeneric());
		}
		return type;
	}

}

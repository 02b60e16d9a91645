package io.github.lambdainvoker.client;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.FunctionOptions;
import io.github.lambdainvoker.invoke.InvocationType;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LambdaResponse;
import io.github.lambdainvoker.invoke.LogType;
import io.github.lambdainvoker.invoke.LambdaInvoker;
import io.github.lambdainvoker.invoke.PreparedCall;
import org.jspecify.annotations.Nullable;

import org.springframework.core.KotlinDetector;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotationSelector;
import org.springframework.core.annotation.MergedAnnotationSelectors;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Parses the methods of a client interface into {@link ClientMethodPlan plans}, checking
 * each against the rules of the annotations. A method that breaks one fails with an
 * {@link InvalidLambdaClientException} naming the interface and the method.
 */
final class ClientMethodParser {

	private static final List<Class<? extends Annotation>> PARAMETER_ANNOTATIONS = List.of(FunctionQualifier.class,
			ClientContextValues.class, TenantId.class, LogTail.class);

	private final Class<?> clientType;

	private final LambdaInvoker invoker;

	private final @Nullable String qualifier;

	private final MergedAnnotation<LambdaClient> clientAnnotation;

	private final OptionalLibraries libraries;

	/**
	 * Create a parser for one client.
	 * @param clientType the client interface
	 * @param invoker the invoker that prepares the calls of each method
	 * @param qualifier a qualifier every call of this client sends, or {@code null}
	 */
	ClientMethodParser(Class<?> clientType, LambdaInvoker invoker, @Nullable String qualifier) {
		this(clientType, invoker, qualifier, OptionalLibraries.DEFAULT);
	}

	/**
	 * Create a parser for one client.
	 * @param clientType the client interface
	 * @param invoker the invoker that prepares the calls of each method
	 * @param qualifier a qualifier every call of this client sends, or {@code null}
	 * @param classLoader the class loader that tells whether Reactor and Kotlin
	 * coroutines are present, the one that loads the return adapters
	 */
	ClientMethodParser(Class<?> clientType, LambdaInvoker invoker, @Nullable String qualifier,
			ClassLoader classLoader) {
		this(clientType, invoker, qualifier, OptionalLibraries.of(classLoader));
	}

	private ClientMethodParser(Class<?> clientType, LambdaInvoker invoker, @Nullable String qualifier,
			OptionalLibraries libraries) {
		this.clientType = clientType;
		this.invoker = invoker;
		this.qualifier = qualifier;
		this.clientAnnotation = MergedAnnotations.from(clientType, SearchStrategy.TYPE_HIERARCHY)
			.get(LambdaClient.class);
		this.libraries = libraries;
	}

	/**
	 * Parse every abstract method of the interface.
	 * @return the plans by method
	 * @throws InvalidLambdaClientException if a method breaks a rule
	 */
	Map<Method, ClientMethodPlan> parse() {
		Map<Method, ClientMethodPlan> plans = new HashMap<>();
		for (Method method : this.clientType.getMethods()) {
			if (Modifier.isStatic(method.getModifiers()) || ReflectionUtils.isObjectMethod(method)) {
				continue;
			}
			if (method.isDefault()) {
				checkDefaultMethod(method);
				continue;
			}
			plans.put(method, parse(method));
		}
		return Map.copyOf(plans);
	}

	private void checkDefaultMethod(Method method) {
		if (MergedAnnotations.from(method).isPresent(LambdaFunction.class)) {
			throw invalid(method, "is a default method, which runs as written, and is annotated with "
					+ "@LambdaFunction; remove the annotation or the method body", null);
		}
	}

	private ClientMethodPlan parse(Method method) {
		if (method.getTypeParameters().length > 0) {
			throw invalid(method, "declares type parameters; a client method needs concrete types", null);
		}
		MethodAnnotations annotations = MethodAnnotations.of(method);
		MergedAnnotation<LambdaFunction> annotation = annotations.function();
		String key = firstNonEmpty(stringAttribute(annotation, "function"),
				stringAttribute(this.clientAnnotation, "function"));
		if (key == null) {
			throw invalid(method, "names no function; annotate it with @LambdaFunction(\"<function key>\") "
					+ "or its interface with @LambdaClient(\"<function key>\")", null);
		}
		FunctionOptions options = new FunctionOptions(
				firstNonEmpty(stringAttribute(annotation, "qualifier"),
						stringAttribute(this.clientAnnotation, "qualifier")),
				invocationType(method, annotation), annotations.logTail() ? LogType.TAIL : null);
		boolean suspending = KotlinDetector.isSuspendingFunction(method);
		// A suspend function's last parameter is the caller's continuation.
		List<ParameterBinding> parameters = parameters(method,
				suspending ? method.getParameterCount() - 1 : method.getParameterCount());
		boolean stream = annotations.responseStream();
		ReturnType returnType = suspending ? suspendingReturnType(method) : returnType(method, stream);
		LambdaRequest baseRequest = LambdaRequest.builder(key).qualifier(this.qualifier).build();
		PreparedCall<?> call = prepare(method, baseRequest, options, returnType);
		if (stream) {
			checkStreaming(method, key, call.invocationType(), returnType);
		}
		if (call.invocationType() != InvocationType.REQUEST_RESPONSE && returnType.expectsPayload()) {
			throw invalid(method, "returns " + returnType.resultType().getName() + " but invokes function '" + key
					+ "' as " + call.invocationType().wireValue()
					+ ", which returns no payload; return void, LambdaResponse<Void>, CompletableFuture<Void> or "
					+ "Mono<Void>", null);
		}
		String description = describe(method);
		return new ClientMethodPlan(description, key, call, baseRequest, parameters, returnType.shape(),
				returnType.async(), stream, returnType.resultType(),
				DeclaredErrors.of(method, this.clientType, description), returnType.adapter());
	}

	private void checkStreaming(Method method, String key, InvocationType invocationType, ReturnType returnType) {
		if (!returnType.chunks()
				&& (returnType.shape() != ResultShape.VALUE || returnType.resultType() != InputStream.class)) {
			throw invalid(method, "is annotated with @ResponseStream but returns "
					+ method.getGenericReturnType().getTypeName()
					+ "; return InputStream or CompletableFuture<InputStream>, or its chunks as Flux<byte[]> or "
					+ "Flux<DataBuffer>", null);
		}
		if (invocationType == InvocationType.EVENT) {
			throw invalid(method, "is annotated with @ResponseStream but invokes function '" + key
					+ "' as Event, which cannot stream; use RequestResponse", null);
		}
	}

	private @Nullable InvocationType invocationType(Method method, MergedAnnotation<LambdaFunction> annotation) {
		InvocationType[] declared = enumArrayAttribute(annotation);
		if (declared.length == 0) {
			declared = enumArrayAttribute(this.clientAnnotation);
		}
		if (declared.length > 1) {
			throw invalid(method, "declares more than one invocation type " + Arrays.toString(declared)
					+ "; name one, such as invocationType = InvocationType.EVENT", null);
		}
		return (declared.length == 1) ? declared[0] : null;
	}

	private PreparedCall<?> prepare(Method method, LambdaRequest baseRequest, FunctionOptions options,
			ReturnType returnType) {
		try {
			return this.invoker.prepare(baseRequest, options, returnType.payloadType());
		}
		catch (RuntimeException ex) {
			if (this.qualifier != null) {
				throw invalid(method, "invokes function '" + baseRequest.function()
						+ "', which cannot be resolved with the client's qualifier: " + ex.getMessage(), ex);
			}
			throw invalid(method,
					"invokes function '" + baseRequest.function() + "', which cannot be resolved: " + ex.getMessage(),
					ex);
		}
	}

	private List<ParameterBinding> parameters(Method method, int count) {
		Parameter[] parameters = method.getParameters();
		List<ParameterBinding> bindings = new ArrayList<>(count);
		List<String> payloads = new ArrayList<>();
		Map<Class<? extends Annotation>, String> seen = new HashMap<>();
		for (int i = 0; i < count; i++) {
			Parameter parameter = parameters[i];
			List<Class<? extends Annotation>> present = parameterAnnotations(parameter);
			if (present.size() > 1) {
				throw invalid(method, "has " + describe(parameter, i) + " annotated with more than one of "
						+ names(present) + "; a parameter plays one part", null);
			}
			if (present.isEmpty()) {
				payloads.add(describe(parameter, i));
				bindings.add(ParameterBinding.PAYLOAD);
				continue;
			}
			Class<? extends Annotation> annotation = present.get(0);
			String previous = seen.put(annotation, describe(parameter, i));
			if (previous != null) {
				throw invalid(method, "has more than one @" + annotation.getSimpleName() + " parameter (" + previous
						+ ", " + describe(parameter, i) + ")", null);
			}
			bindings.add(binding(method, i, annotation));
		}
		if (payloads.size() > 1) {
			throw invalid(method, "has more than one payload parameter (" + String.join(", ", payloads)
					+ "); annotate all but one with @FunctionQualifier, @ClientContextValues, @TenantId or @LogTail",
					null);
		}
		return bindings;
	}

	private static List<Class<? extends Annotation>> parameterAnnotations(Parameter parameter) {
		// One pass over the parameter's annotations rather than one search for each.
		Set<Class<? extends Annotation>> types = new HashSet<>();
		for (MergedAnnotation<Annotation> annotation : MergedAnnotations.from(parameter)) {
			types.add(annotation.getType());
		}
		return types.isEmpty() ? List.of() : PARAMETER_ANNOTATIONS.stream().filter(types::contains).toList();
	}

	private ParameterBinding binding(Method method, int index, Class<? extends Annotation> annotation) {
		Parameter parameter = method.getParameters()[index];
		Class<?> type = parameter.getType();
		if (annotation == FunctionQualifier.class || annotation == TenantId.class) {
			requireType(method, index, annotation, type == String.class, "String");
			return (annotation == FunctionQualifier.class) ? ParameterBinding.QUALIFIER : ParameterBinding.TENANT_ID;
		}
		if (annotation == LogTail.class) {
			requireType(method, index, annotation, type == boolean.class || type == Boolean.class, "boolean");
			return ParameterBinding.LOG_TAIL;
		}
		if (type == ClientContext.class) {
			return ParameterBinding.CLIENT_CONTEXT;
		}
		ResolvableType mapType = ResolvableType.forMethodParameter(method, index, this.clientType).asMap();
		boolean stringMap = mapType != ResolvableType.NONE
				&& mapType.getGeneric(0).resolve(String.class) == String.class
				&& mapType.getGeneric(1).resolve(String.class) == String.class;
		requireType(method, index, annotation, stringMap, "Map<String, String> or ClientContext");
		return ParameterBinding.CUSTOM_CLIENT_CONTEXT;
	}

	private void requireType(Method method, int index, Class<? extends Annotation> annotation, boolean matches,
			String expected) {
		if (!matches) {
			Parameter parameter = method.getParameters()[index];
			throw invalid(
					method, "has " + describe(parameter, index) + " annotated with @" + annotation.getSimpleName()
							+ " of type " + parameter.getParameterizedType().getTypeName() + "; it must be " + expected,
					null);
		}
	}

	private ReturnType returnType(Method method, boolean stream) {
		ResolvableType type = ResolvableType.forMethodReturnType(method, this.clientType);
		if (type.toClass() == CompletableFuture.class) {
			if (isRaw(type)) {
				throw invalid(method, "returns a raw CompletableFuture; declare its result type, such as "
						+ "CompletableFuture<Quote> or CompletableFuture<Void>", null);
			}
			return valueType(method, type.getGeneric(), true);
		}
		if (type.toClass().getName().equals("kotlinx.coroutines.flow.Flow") && !this.libraries.coroutinesReactor()) {
			// Spring adapts Flow only with kotlinx-coroutines-reactor.
			throw invalid(method, "returns " + method.getGenericReturnType().getTypeName()
					+ ", which needs kotlinx-coroutines-reactor (org.jetbrains.kotlinx:kotlinx-coroutines-reactor) "
					+ "on the class path", null);
		}
		ReactiveAdapter adapter = reactiveAdapter(type.toClass());
		if (adapter != null) {
			return reactiveReturnType(method, type, adapter, stream);
		}
		return valueType(method, type, false);
	}

	private ReturnType reactiveReturnType(Method method, ResolvableType type, ReactiveAdapter adapter, boolean stream) {
		String typeName = method.getGenericReturnType().getTypeName();
		if (!this.libraries.reactor()) {
			throw invalid(method, "returns " + typeName + ", a reactive type, which needs Project Reactor "
					+ "(io.projectreactor:reactor-core) on the class path", null);
		}
		if (adapter.isNoValue()) {
			return new ReturnType(ResultShape.VALUE, true, void.class, Void.class, false,
					ReactiveReturnAdapter.singleValue(adapter));
		}
		String simpleName = type.toClass().getSimpleName();
		if (isRaw(type)) {
			throw invalid(method, "returns a raw " + simpleName + "; declare its result type, such as " + simpleName
					+ "<Quote> or " + simpleName + "<Void>", null);
		}
		ResolvableType element = type.getGeneric();
		if (adapter.isMultiValue()) {
			Class<?> chunkType = element.toClass();
			if (!stream || (chunkType != byte[].class && chunkType != DataBuffer.class)) {
				throw invalid(method, "returns " + typeName + ", which emits many values; return a single-value "
						+ "type such as Mono<Quote> for the result, or annotate the method with @ResponseStream and "
						+ "return the response's chunks as " + simpleName + "<byte[]> or " + simpleName
						+ "<DataBuffer>", null);
			}
			return new ReturnType(ResultShape.VALUE, true, chunkType, InputStream.class, true,
					ReactiveReturnAdapter.chunks(adapter, (chunkType == DataBuffer.class)
							? ReactiveReturnAdapter.ChunkType.DATA_BUFFER : ReactiveReturnAdapter.ChunkType.BYTES));
		}
		return valueType(method, element, true).adaptedBy(ReactiveReturnAdapter.singleValue(adapter));
	}

	private ReturnType suspendingReturnType(Method method) {
		if (!this.libraries.coroutines()) {
			throw invalid(method, "is a suspend function, which needs kotlinx-coroutines-core "
					+ "(org.jetbrains.kotlinx:kotlinx-coroutines-core) on the class path", null);
		}
		ResolvableType result = suspendingResultType(method, this.clientType);
		Class<?> rawType = result.toClass();
		if (rawType.getName().equals("kotlin.Unit")) {
			return new ReturnType(ResultShape.VALUE, true, void.class, Void.class, false,
					new SuspendingReturnAdapter(true));
		}
		if (rawType == CompletableFuture.class || reactiveAdapter(rawType) != null) {
			throw invalid(method,
					"is a suspend function that returns " + result
							+ "; a suspend function returns its result itself, such as Quote or LambdaResponse<Quote>",
					null);
		}
		return valueType(method, result, true).adaptedBy(new SuspendingReturnAdapter(false));
	}

	/**
	 * Return the result type of a Kotlin {@code suspend} function, which is compiled to a
	 * method that returns {@code Object} and takes a {@code Continuation<? super T>}
	 * last.
	 * @param method the suspend function
	 * @param clientType the client interface, which resolves type variables
	 * @return the result type
	 */
	static ResolvableType suspendingResultType(Method method, Class<?> clientType) {
		ResolvableType result = ResolvableType.forMethodParameter(method, method.getParameterCount() - 1, clientType)
			.getGeneric();
		if (result.getType() instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 1) {
			return ResolvableType.forType(wildcard.getLowerBounds()[0], result);
		}
		return result;
	}

	/**
	 * Return the adapter of a reactive type, or {@code null} for any other type. Futures
	 * are not taken as reactive types: {@code CompletableFuture} is handled on its own,
	 * other futures are not supported.
	 * @param type the raw type
	 * @return the adapter or {@code null}
	 */
	static @Nullable ReactiveAdapter reactiveAdapter(Class<?> type) {
		if (type.isPrimitive() || type == Optional.class || type == LambdaResponse.class
				|| Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
			return null;
		}
		return ReactiveAdapterRegistry.getSharedInstance().getAdapter(type);
	}

	private ReturnType valueType(Method method, ResolvableType type, boolean async) {
		Class<?> rawType = type.toClass();
		rejectUnsupported(method, type, false);
		if (rawType == LambdaResponse.class || rawType == Optional.class) {
			if (isRaw(type)) {
				throw invalid(method, "returns a raw " + rawType.getSimpleName() + "; declare its payload type, "
						+ "such as " + rawType.getSimpleName() + "<Quote>", null);
			}
			ResolvableType payloadType = type.getGeneric();
			rejectUnsupported(method, payloadType, true);
			return new ReturnType((rawType == LambdaResponse.class) ? ResultShape.RESPONSE : ResultShape.OPTIONAL,
					async, payloadType.toClass(), ConcreteTypes.of(payloadType), false, null);
		}
		if (rawType == void.class) {
			return new ReturnType(ResultShape.VALUE, async, void.class, Void.class, false, null);
		}
		if (rawType.isPrimitive()) {
			return new ReturnType(ResultShape.PRIMITIVE, async, rawType,
					ClassUtils.resolvePrimitiveIfNecessary(rawType), false, null);
		}
		return new ReturnType(ResultShape.VALUE, async, rawType, ConcreteTypes.of(type), false, null);
	}

	private static boolean isRaw(ResolvableType type) {
		// A generic type declared without type arguments; a type variable bound to a
		// parameterized type is not a Class.
		return type.getType() instanceof Class<?>;
	}

	private void rejectUnsupported(Method method, ResolvableType type, boolean insidePayloadWrapper) {
		Class<?> rawType = type.toClass();
		boolean future = Future.class.isAssignableFrom(rawType) || CompletionStage.class.isAssignableFrom(rawType)
				|| reactiveAdapter(rawType) != null;
		boolean nested = insidePayloadWrapper && (rawType == Optional.class || rawType == LambdaResponse.class);
		if (future || nested) {
			throw invalid(method, "returns " + method.getGenericReturnType().getTypeName()
					+ ", which is not supported; return T, Optional<T> or LambdaResponse<T>, or one of them in a "
					+ "CompletableFuture, a Mono or another single-value reactive type", null);
		}
	}

	private InvalidLambdaClientException invalid(Method method, String problem, @Nullable Throwable cause) {
		return new InvalidLambdaClientException("@LambdaClient method " + describe(method) + " " + problem,
				this.clientType, method, cause);
	}

	private String describe(Method method) {
		return this.clientType.getName() + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

	private static String describe(Parameter parameter, int index) {
		return parameter.isNamePresent() ? "parameter '" + parameter.getName() + "'" : "parameter #" + (index + 1);
	}

	private static String names(List<Class<? extends Annotation>> annotations) {
		return annotations.stream()
			.map((annotation) -> "@" + annotation.getSimpleName())
			.collect(Collectors.joining(", "));
	}

	private static @Nullable String stringAttribute(MergedAnnotation<?> annotation, String name) {
		return annotation.isPresent() ? annotation.getString(name) : null;
	}

	private static InvocationType[] enumArrayAttribute(MergedAnnotation<?> annotation) {
		return annotation.isPresent() ? annotation.getEnumArray("invocationType", InvocationType.class)
				: new InvocationType[0];
	}

	private static @Nullable String firstNonEmpty(@Nullable String first, @Nullable String second) {
		if (first != null && !first.isEmpty()) {
			return first;
		}
		return (second != null && !second.isEmpty()) ? second : null;
	}

	/**
	 * What a method's return type asks for.
	 * @param shape how the result is handed back
	 * @param async whether the method returns without waiting for the result
	 * @param resultType the raw result type, inside any future, reactive type,
	 * {@code Optional} or {@code LambdaResponse}; the chunk type of a stream of chunks
	 * @param payloadType the type the payload is read as
	 * @param chunks whether the method returns the chunks of a streamed response
	 * @param adapter adapts the call's future to the return type, {@code null} for
	 * {@code CompletableFuture} and blocking methods
	 */
	/**
	 * The annotations of a client method that shape its call, read in one pass over the
	 * method and the methods it overrides.
	 *
	 * @param function the nearest {@code @LambdaFunction}, or a missing annotation
	 * @param responseStream whether {@code @ResponseStream} is present
	 * @param logTail whether {@code @LogTail} is present
	 */
	private record MethodAnnotations(MergedAnnotation<LambdaFunction> function, boolean responseStream,
			boolean logTail) {

		@SuppressWarnings("unchecked")
		static MethodAnnotations of(Method method) {
			MergedAnnotation<LambdaFunction> function = MergedAnnotation.missing();
			boolean responseStream = false;
			boolean logTail = false;
			MergedAnnotationSelector<LambdaFunction> nearest = MergedAnnotationSelectors.nearest();
			// Iterated in the order get() searches, so the same @LambdaFunction wins.
			for (MergedAnnotation<Annotation> annotation : MergedAnnotations.from(method,
					SearchStrategy.TYPE_HIERARCHY)) {
				Class<? extends Annotation> type = annotation.getType();
				if (type == LambdaFunction.class) {
					MergedAnnotation<LambdaFunction> candidate = (MergedAnnotation<LambdaFunction>) (MergedAnnotation<?>) annotation;
					function = function.isPresent() ? nearest.select(function, candidate) : candidate;
				}
				else if (type == ResponseStream.class) {
					responseStream = true;
				}
				else if (type == LogTail.class) {
					logTail = true;
				}
			}
			return new MethodAnnotations(function, responseStream, logTail);
		}

	}

	/**
	 * Whether the libraries that some return types need are on the class path.
	 *
	 * @param reactor whether Project Reactor is present
	 * @param coroutines whether Kotlin coroutines are present
	 * @param coroutinesReactor whether the Reactor integration of Kotlin coroutines is
	 * present
	 */
	private record OptionalLibraries(boolean reactor, boolean coroutines, boolean coroutinesReactor) {

		// Asked once: looking up a missing class costs a search of the class path each
		// time.
		static final OptionalLibraries DEFAULT = of(ClientMethodParser.class.getClassLoader());

		static OptionalLibraries of(@Nullable ClassLoader classLoader) {
			return new OptionalLibraries(ClassUtils.isPresent("reactor.core.publisher.Mono", classLoader),
					ClassUtils.isPresent("kotlinx.coroutines.future.FutureKt", classLoader),
					ClassUtils.isPresent("kotlinx.coroutines.reactor.MonoKt", classLoader));
		}

	}

	private record ReturnType(ResultShape shape, boolean async, Class<?> resultType, Type payloadType, boolean chunks,
			@Nullable AsyncReturnAdapter adapter) {

		ReturnType adaptedBy(AsyncReturnAdapter adapter) {
			return new ReturnType(this.shape, this.async, this.resultType, this.payloadType, this.chunks, adapter);
		}

		boolean expectsPayload() {
			return this.shape != ResultShape.RESPONSE && this.resultType != void.class && this.resultType != Void.class;
		}

	}

}

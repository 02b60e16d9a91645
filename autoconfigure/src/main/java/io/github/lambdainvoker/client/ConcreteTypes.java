package io.github.lambdainvoker.client;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * Turns a {@link ResolvableType} into a plain {@link Type} with its type variables
 * replaced by what they resolve to, so that a return type inherited from a generic
 * super-interface is read as the concrete type the client interface binds.
 */
final class ConcreteTypes {

	private ConcreteTypes() {
	}

	static Type of(ResolvableType type) {
		Class<?> rawType = type.toClass();
		if (type.isArray() || !type.hasGenerics()) {
			return rawType;
		}
		Type[] arguments = Arrays.stream(type.getGenerics()).map(ConcreteTypes::of).toArray(Type[]::new);
		return new ConcreteParameterizedType(rawType, arguments, rawType.getDeclaringClass());
	}

	/**
	 * A parameterized type whose arguments are all concrete.
	 */
	private static final class ConcreteParameterizedType implements ParameterizedType {

		private final Class<?> rawType;

		private final Type[] arguments;

		private final @Nullable Type ownerType;

		ConcreteParameterizedType(Class<?> rawType, Type[] arguments, @Nullable Type ownerType) {
			this.rawType = rawType;
			this.arguments = arguments;
			this.ownerType = ownerType;
		}

		@Override
		public Type[] getActualTypeArguments() {
			return this.arguments.clone();
		}

		@Override
		public Type getRawType() {
			return this.rawType;
		}

		@Override
		public @Nullable Type getOwnerType() {
			return this.ownerType;
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return (other instanceof ParameterizedType that) && this.rawType.equals(that.getRawType())
					&& Objects.equals(this.ownerType, that.getOwnerType())
					&& Arrays.equals(this.arguments, that.getActualTypeArguments());
		}

		@Override
		public int hashCode() {
			// The same hash as the JDK's own parameterized types, so caches keyed by type
			// agree.
			return Arrays.hashCode(this.arguments) ^ Objects.hashCode(this.ownerType) ^ this.rawType.hashCode();
		}

		@Override
		public String toString() {
			return Arrays.stream(this.arguments)
				.map(Type::getTypeName)
				.collect(Collectors.joining(", ", this.rawType.getTypeName() + "<", ">"));
		}

	}

}

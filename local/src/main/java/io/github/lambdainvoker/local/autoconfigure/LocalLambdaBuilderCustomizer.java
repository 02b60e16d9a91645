package io.github.lambdainvoker.local.autoconfigure;

import io.github.lambdainvoker.local.LocalLambda;

/**
 * Callback that adjusts the auto-configured local Lambda emulator before it starts, for
 * instance to add functions in code or to set the JSON mapper. Beans of this type are
 * applied in {@link org.springframework.core.Ordered order}, after the properties.
 */
@FunctionalInterface
public interface LocalLambdaBuilderCustomizer {

	/**
	 * Customize the emulator's builder.
	 * @param builder the builder
	 */
	void customize(LocalLambda.Builder builder);

}

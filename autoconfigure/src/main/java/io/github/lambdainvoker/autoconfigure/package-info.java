/**
 * Auto-configuration for Lambda Invoker: SDK clients, the
 * {@link io.github.lambdainvoker.invoke.LambdaInvoker} bean and their properties.
 */
@NullMarked
package io.github.lambdainvoker.autoconfigure;

import org.jspecify.annotations.NullMarked;

/**
 * Declarative Lambda clients: interfaces annotated with
 * {@link io.github.lambdainvoker.client.LambdaClient @LambdaClient} become beans whose
 * methods invoke Lambda functions through the
 * {@link io.github.lambdainvoker.invoke.LambdaInvoker}.
 */
@NullMarked
package io.github.lambdainvoker.client;

import org.jspecify.annotations.NullMarked;

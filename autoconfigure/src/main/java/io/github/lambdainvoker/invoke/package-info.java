/**
 * Invoking AWS Lambda functions: {@link io.github.lambdainvoker.invoke.LambdaInvoker},
 * its request and response types, payload handling, validation and exceptions.
 */
@NullMarked
package io.github.lambdainvoker.invoke;

import org.jspecify.annotations.NullMarked;

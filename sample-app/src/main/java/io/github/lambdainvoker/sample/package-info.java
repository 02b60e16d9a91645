/**
 * Sample order service that calls Lambda functions through {@code @LambdaClient}
 * interfaces and {@code LambdaInvoker}.
 */
@NullMarked
package io.github.lambdainvoker.sample;

import org.jspecify.annotations.NullMarked;

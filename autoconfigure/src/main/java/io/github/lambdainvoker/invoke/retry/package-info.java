/**
 * Retrying failed Lambda calls with Spring Retry, without ever running a function twice
 * by accident, within a retry budget per function.
 */
@NullMarked
package io.github.lambdainvoker.invoke.retry;

import org.jspecify.annotations.NullMarked;

/**
 * Propagation of the current trace context to invoked functions, with Micrometer Tracing.
 */
@NullMarked
package io.github.lambdainvoker.invoke.tracing;

import org.jspecify.annotations.NullMarked;

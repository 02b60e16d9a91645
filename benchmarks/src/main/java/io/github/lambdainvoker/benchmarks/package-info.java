/**
 * JMH benchmarks of the starter against the raw AWS SDK v2 and the SDK v1 invoker
 * factory, with the in-memory and loopback transports they run on.
 */
@NullMarked
package io.github.lambdainvoker.benchmarks;

import org.jspecify.annotations.NullMarked;

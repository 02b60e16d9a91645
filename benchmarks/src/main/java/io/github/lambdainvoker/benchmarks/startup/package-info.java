/**
 * Start-up benchmark: application contexts with 0 and 100 client interfaces.
 */
@NullMarked
package io.github.lambdainvoker.benchmarks.startup;

import org.jspecify.annotations.NullMarked;

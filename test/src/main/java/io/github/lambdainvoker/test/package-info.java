/**
 * A mock Lambda server for tests: expectations and canned answers by function, in the
 * Invoke operation's own terms, served over a real loopback endpoint.
 */
@NullMarked
package io.github.lambdainvoker.test;

import org.jspecify.annotations.NullMarked;

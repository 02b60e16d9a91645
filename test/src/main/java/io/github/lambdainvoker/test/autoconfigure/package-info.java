/**
 * The {@code @LambdaClientTest} slice and the auto-configuration of a mock Lambda server
 * in Spring tests.
 */
@NullMarked
package io.github.lambdainvoker.test.autoconfigure;

import org.jspecify.annotations.NullMarked;

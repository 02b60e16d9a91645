/**
 * The order service: its REST endpoints and the Lambda functions it calls.
 */
@NullMarked
package io.github.lambdainvoker.sample.orders;

import org.jspecify.annotations.NullMarked;

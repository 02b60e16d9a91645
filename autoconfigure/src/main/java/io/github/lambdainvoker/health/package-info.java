/**
 * Health of the configured Lambda functions for Spring Boot's health endpoint.
 */
@NullMarked
package io.github.lambdainvoker.health;

import org.jspecify.annotations.NullMarked;

/**
 * Spring Boot auto-configuration that starts a local Lambda emulator and points the
 * starter's SDK clients at it.
 */
@NullMarked
package io.github.lambdainvoker.local.autoconfigure;

import org.jspecify.annotations.NullMarked;

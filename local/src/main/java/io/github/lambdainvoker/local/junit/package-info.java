/**
 * JUnit Jupiter extension that runs a local Lambda emulator around tests.
 */
@NullMarked
package io.github.lambdainvoker.local.junit;

import org.jspecify.annotations.NullMarked;

/**
 * The sample's Lambda handlers, written against {@code aws-lambda-java-core}. Locally
 * they run in the emulator; deployed, they are ordinary Java Lambda functions.
 */
@NullMarked
package io.github.lambdainvoker.sample.functions;

import org.jspecify.annotations.NullMarked;

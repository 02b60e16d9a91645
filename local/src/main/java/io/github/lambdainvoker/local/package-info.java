/**
 * Local emulator of the Lambda Invoke API that runs Java handlers in this JVM, so that
 * applications call their real handler code through the real AWS SDK.
 */
@NullMarked
package io.github.lambdainvoker.local;

import org.jspecify.annotations.NullMarked;

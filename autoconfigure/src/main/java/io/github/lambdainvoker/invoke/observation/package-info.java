/**
 * Observing Lambda calls with the Micrometer Observation API: the observation context,
 * its conventions and the meters derived from it.
 */
@NullMarked
package io.github.lambdainvoker.invoke.observation;

import org.jspecify.annotations.NullMarked;

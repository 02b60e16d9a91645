package io.github.lambdainvoker.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps the application context of a {@link LambdaClientTest @LambdaClientTest}.
 */
class LambdaClientTestContextBootstrapper extends TestSliceTestContextBootstrapper<LambdaClientTest> {

}

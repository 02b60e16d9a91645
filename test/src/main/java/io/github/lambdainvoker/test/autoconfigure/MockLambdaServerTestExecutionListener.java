package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.test.MockLambdaServer;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link TestExecutionListener} that resets the {@link MockLambdaServer} beans after each
 * test method, so that no expectation or recorded call outlives its test, and closes the
 * application context of a test class with an auto-configured server once the class has
 * run: that context is the class's own, so nothing else can use it, and closing it frees
 * its port and threads at once.
 */
class MockLambdaServerTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		for (String name : context.getBeanNamesForType(MockLambdaServer.class, false, false)) {
			context.getBean(name, MockLambdaServer.class).reset();
		}
	}

	@Override
	public void afterTestClass(TestContext testContext) {
		if (testContext.hasApplicationContext()
				&& MockLambdaServerContextCustomizerFactory.hasOwnServer(testContext.getTestClass())) {
			testContext.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
		}
	}

}

package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.test.MockLambdaServer;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;

import static io.github.lambdainvoker.test.ExpectedInvocation.invocationOf;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * Tests for {@link MockLambdaServerTestExecutionListener}.
 */
class MockLambdaServerTestExecutionListenerTests {

	private final MockLambdaServerTestExecutionListener listener = new MockLambdaServerTestExecutionListener();

	@Test
	void afterTestMethodResetsTheServers() {
		try (MockLambdaServer server = MockLambdaServer.start()) {
			server.expect(invocationOf("pricing"));
			StaticApplicationContext context = new StaticApplicationContext();
			context.getBeanFactory().registerSingleton("mockLambdaServer", server);
			TestContext testContext = testContext(WithServer.class);
			given(testContext.getApplicationContext()).willReturn(context);
			this.listener.afterTestMethod(testContext);
			assertThatNoException().isThrownBy(server::verify);
		}
	}

	@Test
	void afterTestMethodWithoutContextLoadsNone() {
		TestContext testContext = mock(TestContext.class);
		this.listener.afterTestMethod(testContext);
		then(testContext).should(never()).getApplicationContext();
	}

	@Test
	void afterTestClassWithOwnServerClosesTheContext() {
		TestContext testContext = testContext(WithServer.class);
		this.listener.afterTestClass(testContext);
		then(testContext).should().markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
	}

	@Test
	void afterTestClassWithDisabledServerKeepsTheContext() {
		TestContext testContext = testContext(WithDisabledServer.class);
		this.listener.afterTestClass(testContext);
		then(testContext).should(never()).markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
	}

	@Test
	void afterTestClassWithoutServerKeepsTheContext() {
		TestContext testContext = testContext(WithoutServer.class);
		this.listener.afterTestClass(testContext);
		then(testContext).should(never()).markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
	}

	private static TestContext testContext(Class<?> testClass) {
		TestContext testContext = mock(TestContext.class);
		given(testContext.hasApplicationContext()).willReturn(true);
		given(testContext.getTestClass()).willAnswer((invocation) -> testClass);
		return testContext;
	}

	@LambdaClientTest
	static class WithServer {

	}

	@LambdaClientTest
	@AutoConfigureMockLambdaServer(enabled = false)
	static class WithDisabledServer {

	}

	static class WithoutServer {

	}

}

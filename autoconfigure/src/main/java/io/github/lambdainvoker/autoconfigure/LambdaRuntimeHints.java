package io.github.lambdainvoker.autoconfigure;

import io.github.lambdainvoker.invoke.ClientContext;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Runtime hints that a native image needs whatever clients an application declares: the
 * optional Apache and Netty HTTP clients and STS module that the starter looks up by
 * name, and binding hints for the client context, a public value type applications
 * commonly write as JSON themselves. The starter reads and writes client contexts and
 * error documents through maps and trees, which need no hints; the clients' own hints
 * come from {@code LambdaClientBeanRegistrationAotProcessor}, and the properties' from
 * Spring Boot.
 */
class LambdaRuntimeHints implements RuntimeHintsRegistrar {

	static final String APACHE5_HTTP_CLIENT = "software.amazon.awssdk.http.apache5.Apache5HttpClient";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String optional : new String[] { APACHE5_HTTP_CLIENT, LambdaSdkClients.NETTY_HTTP_CLIENT,
				RoutePlanner.STS_CLIENT }) {
			hints.reflection().registerTypeIfPresent(classLoader, optional, (type) -> {
			});
		}
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), ClientContext.class);
	}

}

package io.github.lambdainvoker.test.autoconfigure;

import io.github.lambdainvoker.test.MockLambdaServer;
import software.amazon.awssdk.services.lambda.LambdaClient;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of a {@link MockLambdaServer} in tests annotated with
 * {@link AutoConfigureMockLambdaServer @AutoConfigureMockLambdaServer}: the server,
 * writing results with the application's JSON mapper, and a customizer that points the
 * auto-configured Lambda clients at it.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(LambdaClient.class)
@ConditionalOnBooleanProperty("aws.lambda.test.mock-server.enabled")
public final class MockLambdaServerAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	MockLambdaServer mockLambdaServer(ObjectProvider<JsonMapper> jsonMapper) {
		return MockLambdaServer.builder().jsonMapper(jsonMapper.getIfUnique(JsonMapper::shared)).start();
	}

	@Bean
	MockLambdaServerClientCustomizer mockLambdaServerClientCustomizer(MockLambdaServer mockLambdaServer,
			Environment environment) {
		return new MockLambdaServerClientCustomizer(mockLambdaServer,
				environment.containsProperty(MockLambdaServerClientCustomizer.REGION_PROPERTY));
	}

}

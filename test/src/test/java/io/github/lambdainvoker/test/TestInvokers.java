package io.github.lambdainvoker.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.lambdainvoker.autoconfigure.LambdaAutoConfiguration;
import io.github.lambdainvoker.autoconfigure.LambdaClientsAutoConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Application contexts with the starter's auto-configured {@code LambdaInvoker}, pointed
 * at an endpoint through {@code aws.lambda.endpoint}, with static credentials: the way an
 * application uses a {@link MockLambdaServer} without the slice.
 */
final class TestInvokers {

	private TestInvokers() {
	}

	/**
	 * Start a context whose invoker calls an endpoint.
	 * @param endpoint the endpoint
	 * @param properties more {@code key=value} properties
	 * @return the running context, to close after the tests
	 */
	static ConfigurableApplicationContext context(URI endpoint, String... properties) {
		List<String> all = new ArrayList<>(List.of("aws.lambda.region=us-east-1", "aws.lambda.endpoint=" + endpoint));
		all.addAll(Arrays.asList(properties));
		return new SpringApplicationBuilder(InvokerConfiguration.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, LambdaAutoConfiguration.class,
			LambdaClientsAutoConfiguration.class })
	static class InvokerConfiguration {

		@Bean
		AwsCredentialsProvider awsCredentialsProvider() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));
		}

	}

}

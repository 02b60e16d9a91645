package io.github.lambdainvoker.autoconfigure;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Static credentials for auto-configuration tests, so that no test depends on the
 * machine's AWS credential chain.
 */
@Configuration(proxyBeanMethods = false)
public class TestCredentialsConfiguration {

	@Bean
	AwsCredentialsProvider testCredentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret"));
	}

}

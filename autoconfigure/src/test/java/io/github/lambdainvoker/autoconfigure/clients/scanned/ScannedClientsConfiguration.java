package io.github.lambdainvoker.autoconfigure.clients.scanned;

import io.github.lambdainvoker.client.EnableLambdaClients;

import org.springframework.context.annotation.Configuration;

/**
 * Enables the clients of its own package, with no attributes.
 */
@Configuration(proxyBeanMethods = false)
@EnableLambdaClients
public class ScannedClientsConfiguration {

}

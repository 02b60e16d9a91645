package io.github.lambdainvoker.autoconfigure;

import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * Builds the SDK HTTP client builders from {@link LambdaProperties.Http}, with the read
 * timeout derived from the function timeouts. Each method is only called when its HTTP
 * client is on the classpath. Netty clients share the given event loop group, which their
 * own closing leaves running.
 */
final class LambdaHttpClients {

	private LambdaHttpClients() {
	}

	static Apache5HttpClient.Builder apache5(LambdaProperties properties) {
		LambdaProperties.Http http = properties.getHttp();
		return Apache5HttpClient.builder()
			.connectionTimeout(http.getConnectTimeout())
			.socketTimeout(ReadTimeouts.readTimeout(properties))
			.connectionAcquisitionTimeout(http.getConnectionAcquisitionTimeout())
			.maxConnections(http.getMaxConnections())
			.tcpKeepAlive(http.isTcpKeepAlive());
	}

	static NettyNioAsyncHttpClient.Builder netty(LambdaProperties properties, SdkEventLoopGroup eventLoopGroup) {
		LambdaProperties.Http http = properties.getHttp();
		return NettyNioAsyncHttpClient.builder()
			.eventLoopGroup(eventLoopGroup)
			.connectionTimeout(http.getConnectTimeout())
			.readTimeout(ReadTimeouts.readTimeout(properties))
			.connectionAcquisitionTimeout(http.getConnectionAcquisitionTimeout())
			.maxConcurrency(http.getMaxConnections())
			.tcpKeepAlive(http.isTcpKeepAlive());
	}

}

package io.github.lambdainvoker.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.Future;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The Netty event loop group that the starter's asynchronous clients share. Created with
 * the first asynchronous client, so that an application that never calls asynchronously
 * starts no event loop thread; shut down with a short quiet period instead of the SDK's
 * two seconds, so that closing is bounded. Only loaded when Netty is on the class path.
 */
final class NettyEventLoop {

	/** Longest closing waits beyond the quiet period for tasks still running. */
	static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(NettyEventLoop.class);

	private final SdkEventLoopGroup group = SdkEventLoopGroup.builder().build();

	SdkEventLoopGroup group() {
		return this.group;
	}

	/**
	 * Shut the event loop down once no task has run for the quiet period, waiting at most
	 * {@link #SHUTDOWN_GRACE} longer.
	 * @param quietPeriod the quiet period
	 */
	void shutdown(Duration quietPeriod) {
		long quiet = quietPeriod.toMillis();
		long timeout = quiet + SHUTDOWN_GRACE.toMillis();
		Future<?> termination = this.group.eventLoopGroup().shutdownGracefully(quiet, timeout, TimeUnit.MILLISECONDS);
		try {
			if (!termination.await(timeout + 500, TimeUnit.MILLISECONDS)) {
				logger.warn("Netty event loop of the Lambda clients did not stop within " + timeout + "ms");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

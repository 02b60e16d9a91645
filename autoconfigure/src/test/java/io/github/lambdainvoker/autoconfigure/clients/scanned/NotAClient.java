package io.github.lambdainvoker.autoconfigure.clients.scanned;

/**
 * An interface without {@code @LambdaClient}, which scanning leaves alone.
 */
public interface NotAClient {

	String quote(String request);

}

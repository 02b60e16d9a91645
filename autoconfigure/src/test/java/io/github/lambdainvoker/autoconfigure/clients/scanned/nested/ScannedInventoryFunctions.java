package io.github.lambdainvoker.autoconfigure.clients.scanned.nested;

import io.github.lambdainvoker.client.LambdaClient;

/**
 * A client interface in a sub-package of a scanned package.
 */
@LambdaClient("inventory")
public interface ScannedInventoryFunctions {

	int stock(String sku);

}

package io.github.lambdainvoker.autoconfigure.clients.explicit;

import io.github.lambdainvoker.client.LambdaClient;
import io.github.lambdainvoker.client.LambdaFunction;
import io.github.lambdainvoker.invoke.InvocationType;

/**
 * A client interface registered by naming it or its package.
 */
@LambdaClient(value = "audit", invocationType = InvocationType.EVENT)
public interface ExplicitAuditFunctions {

	@LambdaFunction
	void audit(String event);

}

package io.github.lambdainvoker.sample.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.local.autoconfigure.LocalLambdaFunction;
import io.github.lambdainvoker.sample.orders.AuditEvent;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Records an audit event. Served by the local emulator as a bean, invoked as an Event.
 */
@Component
@Profile("!aws")
@LocalLambdaFunction("audit")
class AuditHandler implements RequestHandler<AuditEvent, Void> {

	private final AuditLog auditLog;

	AuditHandler(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public Void handleRequest(AuditEvent event, Context context) {
		context.getLogger().log("audit " + event.action() + " " + event.sku());
		this.auditLog.record(event);
		return null;
	}

}

package io.github.lambdainvoker.sample.functions;

import java.util.List;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.github.lambdainvoker.local.autoconfigure.LocalLambdaFunction;
import io.github.lambdainvoker.sample.orders.AuditEvent;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Returns the audit events recorded so far. Served by the local emulator as a bean.
 */
@Component
@Profile("!aws")
@LocalLambdaFunction("audit-trail")
class AuditTrailHandler implements RequestHandler<Map<String, Object>, List<AuditEvent>> {

	private final AuditLog auditLog;

	AuditTrailHandler(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	public List<AuditEvent> handleRequest(Map<String, Object> input, Context context) {
		return this.auditLog.events();
	}

}

package io.github.lambdainvoker.sample;

import java.util.Map;

import io.github.lambdainvoker.autoconfigure.LambdaProperties;
import io.github.lambdainvoker.local.LocalLambda;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells a newcomer, once the application is ready, which functions it calls and what to
 * point {@code curl} at.
 */
@Component
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final LambdaProperties lambdaProperties;

	private final ObjectProvider<LocalLambda> localLambda;

	StartupReport(LambdaProperties lambdaProperties, ObjectProvider<LocalLambda> localLambda) {
		this.lambdaProperties = lambdaProperties;
		this.localLambda = localLambda;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		WebServer webServer = (event.getApplicationContext() instanceof WebServerApplicationContext web)
				? web.getWebServer() : null;
		int port = (webServer != null) ? webServer.getPort() : 8080;
		LocalLambda emulator = this.localLambda.getIfAvailable();
		StringBuilder report = new StringBuilder("\n\nLambda Invoker sample is ready ")
			.append((emulator != null) ? "(functions run in the local emulator at " + emulator.endpoint() + ")"
					: "(functions run on AWS Lambda)")
			.append("\nFunctions:\n");
		for (Map.Entry<String, LambdaProperties.Function> function : this.lambdaProperties.getFunctions().entrySet()) {
			String name = function.getValue().getFunctionName();
			report.append("  ")
				.append(function.getKey())
				.append(" -> ")
				.append((name != null) ? name : function.getKey());
			if (function.getValue().getQualifier() != null) {
				report.append(" (qualifier ").append(function.getValue().getQualifier()).append(')');
			}
			report.append('\n');
		}
		String base = "http://localhost:" + port;
		report.append("Try:\n")
			.append("  curl -s -X POST ")
			.append(base)
			.append("/orders -H 'Content-Type: application/json' -d '{\"sku\":\"book\",\"quantity\":2}'\n")
			.append("  curl -s -X POST ")
			.append(base)
			.append("/orders -H 'Content-Type: application/json' -d '{\"sku\":\"sold-out\",\"quantity\":1}'\n")
			.append("  curl -s ")
			.append(base)
			.append("/prices/book?quantity=3\n")
			.append("  curl -s ")
			.append(base)
			.append("/prices/book?quantity=3&alias=canary\n")
			.append("  curl -s ")
			.append(base)
			.append("/prices/book/explain\n")
			.append("  curl -s ")
			.append(base)
			.append("/audit\n")
			.append("  curl -s ")
			.append(base)
			.append("/actuator/health\n")
			.append("  curl -s ")
			.append(base)
			.append("/actuator/metrics/aws.lambda.invocations\n");
		logger.info(report);
	}

}

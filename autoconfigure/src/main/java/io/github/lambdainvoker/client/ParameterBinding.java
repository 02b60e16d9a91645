package io.github.lambdainvoker.client;

import java.util.Map;

import io.github.lambdainvoker.invoke.ClientContext;
import io.github.lambdainvoker.invoke.LambdaRequest;
import io.github.lambdainvoker.invoke.LogType;
import org.jspecify.annotations.Nullable;

/**
 * What one parameter of a client method contributes to the request, decided once when the
 * method is parsed.
 */
enum ParameterBinding {

	/** The payload, sent as it is or written as JSON. */
	PAYLOAD {

		@Override
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			request.payload(argument);
		}

	},

	/** The qualifier of this call ({@link FunctionQualifier}). */
	QUALIFIER {

		@Override
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			if (argument != null) {
				request.qualifier((String) argument);
			}
		}

	},

	/** The {@code custom} section of the client context ({@link ClientContextValues}). */
	CUSTOM_CLIENT_CONTEXT {

		@Override
		@SuppressWarnings("unchecked")
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			if (argument != null) {
				request.clientContext((Map<String, String>) argument);
			}
		}

	},

	/** The whole client context ({@link ClientContextValues}). */
	CLIENT_CONTEXT {

		@Override
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			if (argument != null) {
				request.clientContext((ClientContext) argument);
			}
		}

	},

	/** The tenant id of this call ({@link TenantId}). */
	TENANT_ID {

		@Override
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			request.tenantId((String) argument);
		}

	},

	/** Whether this call asks for the log tail ({@link LogTail}). */
	LOG_TAIL {

		@Override
		void apply(LambdaRequest.Builder request, @Nullable Object argument) {
			if (argument != null) {
				request.logType(((Boolean) argument) ? LogType.TAIL : LogType.NONE);
			}
		}

	};

	/**
	 * Apply an argument to the request being built.
	 * @param request the request builder
	 * @param argument the argument, possibly {@code null}
	 */
	abstract void apply(LambdaRequest.Builder request, @Nullable Object argument);

}

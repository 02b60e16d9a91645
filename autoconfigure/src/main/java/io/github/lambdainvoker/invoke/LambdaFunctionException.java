package io.github.lambdainvoker.invoke;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when Lambda ran the function and the function failed: HTTP 200 with an
 * {@code X-Amz-Function-Error} header. Carries the parsed error document and the rest of
 * the response.
 */
public class LambdaFunctionException extends LambdaInvocationException {

	private final FunctionError functionError;

	private final LambdaErrorDocument errorDocument;

	private final LambdaResponse<byte[]> response;

	public LambdaFunctionException(String functionName, @Nullable String qualifier, LambdaErrorDocument errorDocument,
			LambdaResponse<byte[]> response) {
		super(buildMessage(functionName, qualifier, response.functionError(), errorDocument), functionName, qualifier,
				null);
		this.functionError = response.functionError();
		this.errorDocument = errorDocument;
		this.response = response;
	}

	private static String buildMessage(String functionName, @Nullable String qualifier, FunctionError functionError,
			LambdaErrorDocument document) {
		String kind = (functionError == FunctionError.HANDLED) ? "Handled" : "Unhandled";
		StringBuilder message = new StringBuilder("Function ").append(describe(functionName, qualifier))
			.append(document.isTimeout() ? " timed out (" : " failed (")
			.append(kind)
			.append(")");
		if (document.errorType() != null) {
			message.append(": ").append(document.errorType());
		}
		if (document.errorMessage() != null) {
			message.append(": ").append(document.errorMessage());
		}
		return message.toString();
	}

	/**
	 * Return whether the function's code handled the error or the runtime reported it.
	 * @return {@link FunctionError#HANDLED} or {@link FunctionError#UNHANDLED}
	 */
	public FunctionError getFunctionError() {
		return this.functionError;
	}

	/**
	 * Whether the runtime reported the error (an uncaught exception, a timeout or a
	 * crash).
	 * @return {@code true} for an unhandled error
	 */
	public boolean isUnhandled() {
		return this.functionError == FunctionError.UNHANDLED;
	}

	/**
	 * Whether the function ran past its configured timeout.
	 * @return {@code true} for a function timeout
	 */
	public boolean isTimeout() {
		return this.errorDocument.isTimeout();
	}

	/**
	 * Return the error document the runtime sent.
	 * @return the error document
	 */
	public LambdaErrorDocument getErrorDocument() {
		return this.errorDocument;
	}

	/**
	 * Return the {@code errorType} of the error document.
	 * @return the error type, or {@code null} when the runtime sent none
	 */
	public @Nullable String getErrorType() {
		return this.errorDocument.errorType();
	}

	/**
	 * Return the {@code errorMessage} of the error document.
	 * @return the error message, or {@code null} when the runtime sent none
	 */
	public @Nullable String getErrorMessage() {
		return this.errorDocument.errorMessage();
	}

	/**
	 * Return the stack trace lines of the error document.
	 * @return the stack trace lines
	 */
	public List<String> getRemoteStackTrace() {
		return this.errorDocument.stackTrace();
	}

	/**
	 * Return the whole response, with the log tail and executed version.
	 * @return the response, whose payload is the raw error document
	 */
	public LambdaResponse<byte[]> getResponse() {
		return this.response;
	}

}

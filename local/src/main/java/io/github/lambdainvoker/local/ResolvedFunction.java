package io.github.lambdainvoker.local;

/**
 * The function version that an Invoke request names.
 *
 * @param runtime the function
 * @param version the version that runs: {@code $LATEST} or a version number
 * @param invokedArn the ARN the caller used, with its qualifier if it gave one
 */
record ResolvedFunction(FunctionRuntime runtime, String version, String invokedArn) {

	HandlerAdapter adapter() {
		return this.runtime.adapter(this.version);
	}

	String name() {
		return this.runtime.function().name();
	}

}

package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import io.github.lambdainvoker.invoke.LambdaInvoker;

/**
 * What the documentation's fragments (a method, a few statements) use without declaring
 * it: they are compiled as members of a subclass.
 */
public abstract class SnippetContext {

	/**
	 * Injected invoker, under the names the guides give it.
	 */
	protected LambdaInvoker lambdaInvoker;

	protected LambdaInvoker lambda;

	protected LambdaInvoker invoker;

	/**
	 * Context of a function's invocation, in function-side code.
	 */
	protected Context context;

}

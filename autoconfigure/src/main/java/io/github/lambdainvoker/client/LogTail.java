package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks Lambda for the tail of the execution log ({@code X-Amz-Log-Type: Tail}), which a
 * method returning {@link io.github.lambdainvoker.invoke.LambdaResponse} exposes as
 * {@code logTail()}. On a method it applies to every call, as a declared setting that
 * configured properties override; on a {@code boolean} parameter the argument decides for
 * each call ({@code false} asks for no log; a {@code null} {@code Boolean} leaves the
 * setting in effect).
 *
 * <pre class="code">
 * &#64;LogTail
 * &#64;LambdaFunction("pricing")
 * LambdaResponse&lt;Quote&gt; quoteWithLog(QuoteRequest request);
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LogTail {

}

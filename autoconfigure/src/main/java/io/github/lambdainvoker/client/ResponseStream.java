package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the function with response streaming ({@code InvokeWithResponseStream}): the
 * method returns {@link java.io.InputStream} or {@code CompletableFuture<InputStream>},
 * which fills as the function writes, or the chunks themselves as a multi-value reactive
 * type of {@code byte[]} or {@code DataBuffer}, such as {@code Flux<byte[]>} or Kotlin's
 * {@code Flow<ByteArray>}. The caller closes the stream; closing it early, or cancelling
 * the subscription, cancels the call. A function error reported at the end of the stream
 * is thrown by the read that reaches it, or signalled after the last chunk, as a
 * {@link io.github.lambdainvoker.invoke.LambdaFunctionException} (declared exceptions
 * apply only to errors before the stream starts). Needs the asynchronous SDK client.
 *
 * <pre class="code">
 * &#64;ResponseStream
 * &#64;LambdaFunction("report")
 * InputStream report(ReportRequest request);
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ResponseStream {

}

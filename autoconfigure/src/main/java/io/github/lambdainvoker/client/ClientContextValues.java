package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a parameter whose argument is sent as the client context
 * ({@code X-Amz-Client-Context}) of this call: a {@code Map<String, String>} for the
 * {@code custom} section, or a {@link io.github.lambdainvoker.invoke.ClientContext} for
 * every section. Its values are merged over the configured client context; a {@code null}
 * argument sends only the configured one.
 *
 * <pre class="code">
 * &#64;LambdaFunction("pricing")
 * Quote quote(QuoteRequest request, &#64;ClientContextValues Map&lt;String, String&gt; custom);
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ClientContextValues {

}

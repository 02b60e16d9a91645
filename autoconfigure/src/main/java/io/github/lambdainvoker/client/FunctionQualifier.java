package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter whose argument is the version or alias to invoke for
 * this call. It takes precedence over every configured and declared qualifier; a
 * {@code null} argument leaves them in effect. Named so that it does not clash with
 * Spring's {@code @Qualifier}.
 *
 * <pre class="code">
 * &#64;LambdaFunction("pricing")
 * Quote quote(QuoteRequest request, &#64;FunctionQualifier String alias);
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FunctionQualifier {

}

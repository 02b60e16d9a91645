package io.github.lambdainvoker.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code String} parameter whose argument is the tenant id
 * ({@code X-Amz-Tenant-Id}) of this call, for tenant-isolated functions. A {@code null}
 * argument sends none.
 *
 * <pre class="code">
 * &#64;LambdaFunction("reports")
 * Report report(ReportRequest request, &#64;TenantId String tenant);
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TenantId {

}

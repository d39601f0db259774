package io.mlconnector.common.http.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope an operator endpoint needs; on a method it overrides the one on its class. A JAX-RS
 * endpoint without it anywhere needs {@link ApiScope#ADMIN}: forgetting the annotation must not
 * open an endpoint.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {
  ApiScope value();
}

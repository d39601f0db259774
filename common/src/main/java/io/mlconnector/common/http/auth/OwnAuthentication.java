package io.mlconnector.common.http.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that authenticates its callers itself, so {@link ApiAuthFilter} does not ask
 * for an operator token. Only for callers that cannot hold one: e.g. a customer's ServiceNow
 * instance signing push notifications with its tenant's shared secret. The endpoint must refuse
 * everything it cannot authenticate.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
public @interface OwnAuthentication {
  /** How the endpoint authenticates, for the reader of the code (e.g. "tenant HMAC signature"). */
  String value();
}

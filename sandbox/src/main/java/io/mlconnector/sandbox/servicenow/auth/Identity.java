package io.mlconnector.sandbox.servicenow.auth;

import java.util.Collection;
import java.util.Set;

/** Who a request runs as: a user and that user's roles. {@code admin} passes every role check. */
public record Identity(String userName, Set<String> roles) {

  public boolean hasAnyRole(Collection<String> required) {
    return required.isEmpty()
        || roles.contains("admin")
        || required.stream().anyMatch(roles::contains);
  }
}

package io.mlconnector.sandbox.servicenow.auth;

import java.util.Set;

/** A {@code sys_user} with a password (for Basic auth and the password grant) and roles. */
public record UserAccount(String userName, String password, Set<String> roles) {

  public Identity identity() {
    return new Identity(userName, roles);
  }
}

package io.mlconnector.common.http.auth;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The authenticated caller of the current operator request, set by {@link ApiAuthFilter}. */
@RequestScoped
public class CurrentCaller {
  private ApiCaller caller;

  void set(ApiCaller authenticated) {
    this.caller = authenticated;
  }

  public Optional<ApiCaller> get() {
    return Optional.ofNullable(caller);
  }

  /** The caller's token name, for logs and the audit trail; {@code anonymous} outside a request. */
  public String name() {
    return caller == null ? "anonymous" : caller.name();
  }
}

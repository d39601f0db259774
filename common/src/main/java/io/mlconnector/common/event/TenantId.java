package io.mlconnector.common.event;

import java.util.regex.Pattern;

/**
 * Tenant ids appear in Kafka keys, database rows, Kubernetes resource names and URLs, so they are
 * restricted to a DNS-label-safe alphabet.
 */
public final class TenantId {
  private static final Pattern VALID = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");

  private TenantId() {}

  public static boolean isValid(String tenant) {
    return tenant != null && VALID.matcher(tenant).matches();
  }

  /** Returns the id or throws with a message naming the rule. */
  public static String requireValid(String tenant) {
    if (!isValid(tenant)) {
      throw new IllegalArgumentException(
          "tenant id '"
              + tenant
              + "' is invalid: use 1-40 lowercase letters, digits or '-', not starting or"
              + " ending with '-'");
    }
    return tenant;
  }
}

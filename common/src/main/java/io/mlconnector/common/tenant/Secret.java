package io.mlconnector.common.tenant;

import java.util.Objects;

/**
 * A credential in memory. {@link #toString()} never shows it, so it cannot leak through a log line
 * or an exception message; only {@link #reveal()} does, at the point of use.
 */
public final class Secret {
  private final String value;

  public Secret(String value) {
    this.value = Objects.requireNonNull(value, "secret");
  }

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "****";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}

package io.mlconnector.stack;

import java.util.Map;

/**
 * Operator-API tokens of the tests, one per scope: the values of {@code %test.mlc.api.tokens} in
 * common's {@code microprofile-config.properties}, and the {@code MLC_API_TOKENS} of fleets that
 * tests start as processes.
 */
public final class ApiTokenFixtures {
  public static final String ADMIN = "test-admin-token-4c1e7a93d2";
  public static final String OPERATE = "test-operate-token-9b2d5561f0";
  public static final String READ = "test-read-token-e83f10c7a4";

  /** {@code MLC_API_TOKENS} with the three tokens above. */
  public static final String MLC_API_TOKENS =
      "test-admin:admin:"
          + ADMIN
          + ",test-operator:operate:"
          + OPERATE
          + ",test-reader:read:"
          + READ;

  private ApiTokenFixtures() {}

  /** The {@code Authorization} header value of a token. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** Environment giving a started service the three tokens. */
  public static Map<String, String> env() {
    return Map.of("MLC_API_TOKENS", MLC_API_TOKENS);
  }
}

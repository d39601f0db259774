package io.mlconnector.stack.fleet;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fresh secrets for one demo run: an operator API token and a credential-encryption key, both
 * random and never written to disk; plus the switches that let the fleet reach the loopback
 * sandbox.
 */
public final class DemoSettings {
  public final String apiToken = random(24);
  private final String cryptoKey = Base64.getEncoder().encodeToString(bytes(32));

  public Map<String, String> fleetEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MLC_CONSOLE_API_TOKEN", apiToken);
    env.put("MLC_CRYPTO_KEYS", "demo:" + cryptoKey);
    env.put("MLC_CRYPTO_ACTIVE_KEY_ID", "demo");
    env.put("MLC_CONSOLE_SANDBOX_MODE", "true");
    return env;
  }

  private static String random(int n) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(n));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}

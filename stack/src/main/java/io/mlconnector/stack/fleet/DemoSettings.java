package io.mlconnector.stack.fleet;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fresh secrets for one run, random and never written to disk: the operator API token of a demo
 * (scope admin), the token the ServiceNow poller presents to the QAD poller's receipt sync (scope
 * operate), a credential-encryption key; plus the switches that let the fleet reach the loopback
 * sandbox.
 */
final class DemoSettings {
  final String apiToken = random(24);
  private final String receiptSyncToken = random(24);
  private final String cryptoKey = Base64.getEncoder().encodeToString(bytes(32));

  /**
   * The fleet's settings. {@code ./mlc up} keeps the operator's own {@code MLC_API_TOKENS} (and
   * crypto keys) of the calling shell and only adds the receipt-sync token.
   */
  Map<String, String> fleetEnv(boolean demo) {
    Map<String, String> env = new LinkedHashMap<>();
    List<String> tokens = new ArrayList<>();
    if (demo) {
      tokens.add("demo-operator:admin:" + apiToken);
      env.put("MLC_CRYPTO_KEYS", "demo:" + cryptoKey);
      env.put("MLC_CRYPTO_ACTIVE_KEY_ID", "demo");
      env.put("MLC_CONSOLE_SANDBOX_MODE", "true");
    } else {
      String own = System.getenv("MLC_API_TOKENS");
      if (own != null && !own.isBlank()) {
        tokens.add(own);
      }
    }
    tokens.add("receipt-sync:operate:" + receiptSyncToken);
    env.put("MLC_API_TOKENS", String.join(",", tokens));
    env.put("MLC_SERVICENOW_RECEIPT_SYNC_TOKEN", receiptSyncToken);
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

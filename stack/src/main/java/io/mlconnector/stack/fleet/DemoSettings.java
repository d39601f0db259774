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
public final class DemoSettings {
  public final String apiToken = random(24);
  private final String receiptSyncToken = random(24);
  private final String cryptoKey = Base64.getEncoder().encodeToString(bytes(32));

  /** The fleet's settings for a demo (or a chaos run): its own admin token and key. */
  public Map<String, String> fleetEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MLC_CRYPTO_KEYS", "demo:" + cryptoKey);
    env.put("MLC_CRYPTO_ACTIVE_KEY_ID", "demo");
    env.put("MLC_CONSOLE_SANDBOX_MODE", "true");
    return withTokens(env, List.of("demo-operator:admin:" + apiToken));
  }

  /**
   * The fleet's settings under {@code ./mlc up}: the operator's token and key ({@code secrets},
   * from the environment or {@code .mlc/secrets.env}); the token becomes the fleet's admin token
   * {@code operator}, next to any {@code MLC_API_TOKENS} of the calling shell.
   */
  public Map<String, String> upEnv(Map<String, String> secrets) {
    Map<String, String> env = new LinkedHashMap<>(secrets);
    List<String> tokens = new ArrayList<>();
    String own = System.getenv("MLC_API_TOKENS");
    if (own != null && !own.isBlank()) {
      tokens.add(own);
    }
    tokens.add("operator:admin:" + secrets.get(OperatorSecrets.TOKEN));
    return withTokens(env, tokens);
  }

  /** Adds the operator tokens and the receipt-sync token (scope operate) the pollers share. */
  private Map<String, String> withTokens(Map<String, String> env, List<String> operators) {
    List<String> tokens = new ArrayList<>(operators);
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

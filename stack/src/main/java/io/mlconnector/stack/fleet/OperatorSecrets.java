package io.mlconnector.stack.fleet;

import io.mlconnector.stack.KafkaLogins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The operator token, credential key and local Kafka secret {@code ./mlc up} runs with. Taken from
 * the environment when set there; otherwise read from {@code <state>/secrets.env}, which is
 * generated once (random values, owner-only 0600) on the first start. The same file must be kept:
 * credentials stored in PostgreSQL cannot be decrypted without its key.
 */
final class OperatorSecrets {
  static final String TOKEN = "MLC_CONSOLE_API_TOKEN";
  static final String KEYS = "MLC_CRYPTO_KEYS";
  static final String ACTIVE_KEY = "MLC_CRYPTO_ACTIVE_KEY_ID";
  static final String KAFKA = KafkaLogins.ENV_SECRET;
  static final String FILE = "secrets.env";

  /**
   * @param env the three settings, ready to hand to the services
   * @param generated what was written to {@code file} by this start (empty when nothing)
   * @param file where generated values live
   * @param problems settings that cannot work, each naming the setting and the way out
   * @param kafkaSecret the local broker's secret ({@link KafkaLogins}): kept across restarts with
   *     the broker's data, never handed to a service (each gets its own derived login)
   */
  record Resolved(
      Map<String, String> env,
      List<String> generated,
      Path file,
      List<String> problems,
      String kafkaSecret) {
    /** Whether the operator token is in {@link #file} (and not only in the environment). */
    boolean tokenInFile(Map<String, String> environment) {
      return blank(environment.get(TOKEN));
    }
  }

  private OperatorSecrets() {}

  static Resolved resolve(Map<String, String> environment, Path stateDir) throws IOException {
    Path file = stateDir.resolve(FILE);
    Properties stored = read(file);
    Map<String, String> env = new LinkedHashMap<>();
    List<String> generated = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String keys = environment.get(KEYS);
    String active = environment.get(ACTIVE_KEY);
    if (!blank(keys) && blank(active)) {
      problems.add(
          ACTIVE_KEY
              + " is not set although "
              + KEYS
              + " is: set it to the id of the key new secrets are encrypted with (the part"
              + " before ':' in "
              + KEYS
              + ")");
    } else if (blank(keys) && !blank(active)) {
      problems.add(
          KEYS
              + " is not set although "
              + ACTIVE_KEY
              + " is: set it to '"
              + active
              + ":<key>' with a key from `head -c 32 /dev/urandom | base64`, or unset both to use"
              + " the generated one in "
              + file);
    }
    if (!blank(keys) && !blank(active)) {
      env.put(KEYS, keys);
      env.put(ACTIVE_KEY, active);
    } else if (blank(keys) && blank(active)) {
      if (stored.getProperty(KEYS) == null || stored.getProperty(ACTIVE_KEY) == null) {
        stored.setProperty(KEYS, "local:" + Base64.getEncoder().encodeToString(bytes(32)));
        stored.setProperty(ACTIVE_KEY, "local");
        generated.add(KEYS + " and " + ACTIVE_KEY + " (credential-encryption key)");
      }
      env.put(KEYS, stored.getProperty(KEYS));
      env.put(ACTIVE_KEY, stored.getProperty(ACTIVE_KEY));
    }
    String token = environment.get(TOKEN);
    if (blank(token)) {
      if (stored.getProperty(TOKEN) == null) {
        stored.setProperty(
            TOKEN, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24)));
        generated.add(TOKEN + " (operator API token)");
      }
      token = stored.getProperty(TOKEN);
    }
    env.put(TOKEN, token);
    String kafka = environment.get(KAFKA);
    if (blank(kafka)) {
      if (stored.getProperty(KAFKA) == null) {
        stored.setProperty(KAFKA, KafkaLogins.generate().secret());
        generated.add(KAFKA + " (the local Kafka broker's logins)");
      }
      kafka = stored.getProperty(KAFKA);
    }
    if (!generated.isEmpty() && problems.isEmpty()) {
      write(file, stored);
    }
    return new Resolved(env, generated, file, problems, kafka);
  }

  /** The operator token from a secrets file, or null. */
  static String tokenIn(Path file) throws IOException {
    return read(file).getProperty(TOKEN);
  }

  private static Properties read(Path file) throws IOException {
    Properties p = new Properties();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          p.setProperty(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
        }
      }
    }
    return p;
  }

  /** Shell syntax ({@code NAME='value'}), so {@code set -a; . .mlc/secrets.env} works too. */
  private static void write(Path file, Properties values) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder text =
        new StringBuilder(
            "# Generated by ./mlc up. Keep this file: stored credentials cannot be decrypted"
                + " without its key.\n");
    for (String name : List.of(TOKEN, KEYS, ACTIVE_KEY, KAFKA)) {
      if (values.getProperty(name) != null) {
        text.append(name).append("='").append(values.getProperty(name)).append("'\n");
      }
    }
    if (!Files.exists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly()));
    }
    Files.setPosixFilePermissions(file, ownerOnly());
    Files.writeString(file, text);
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnly() {
    return PosixFilePermissions.fromString("rw-------");
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("'") && v.endsWith("'")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}

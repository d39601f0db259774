package io.mlconnector.common.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An immutable set of operator tokens parsed from {@code name:scope:secret} entries. Only digests
 * of the secrets are kept, and a presented token is compared with every one of them in constant
 * time, so neither timing nor a heap dump gives a secret away.
 */
public final class ApiTokenSet {
  /** Shorter secrets are refused: a token must not be guessable. */
  public static final int MIN_SECRET_LENGTH = 24;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e&&[^,]]+");

  private record Entry(ApiCaller caller, byte[] digest) {}

  private final List<Entry> entries;

  private ApiTokenSet(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static final ApiTokenSet EMPTY = new ApiTokenSet(List.of());

  /**
   * Parses entries; blank ones and {@code #} comments are skipped.
   *
   * @throws IllegalArgumentException naming the entry (never its secret) that is malformed
   */
  public static ApiTokenSet parse(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(":", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("API token entry " + n + " is not name:scope:secret");
      }
      String name = parts[0].strip();
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "API token entry " + n + ": name must match " + NAME.pattern());
      }
      if (!names.add(name)) {
        throw new IllegalArgumentException("API token name '" + name + "' appears twice");
      }
      ApiScope scope = ApiScope.fromWireName(parts[1]);
      String secret = parts[2].strip();
      if (secret.length() < MIN_SECRET_LENGTH || !SECRET.matcher(secret).matches()) {
        throw new IllegalArgumentException(
            "API token '"
                + name
                + "': the secret needs at least "
                + MIN_SECRET_LENGTH
                + " printable characters without spaces or commas");
      }
      entries.add(new Entry(new ApiCaller(name, scope), sha256(secret)));
    }
    return new ApiTokenSet(entries);
  }

  public ApiTokenSet plus(ApiTokenSet other) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(other.entries);
    return new ApiTokenSet(all);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The caller whose secret this is, if any. */
  public Optional<ApiCaller> match(String presented) {
    byte[] given = sha256(presented);
    ApiCaller found = null;
    // No early exit: every entry is compared, whichever matches.
    for (Entry e : entries) {
      if (MessageDigest.isEqual(given, e.digest()) && found == null) {
        found = e.caller();
      }
    }
    return Optional.ofNullable(found);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}

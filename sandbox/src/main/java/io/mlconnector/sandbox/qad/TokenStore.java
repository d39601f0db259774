package io.mlconnector.sandbox.qad;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access and refresh tokens of one tenant. Expiry is judged by the simulator clock, so a test can
 * expire a token by moving the clock instead of sleeping.
 */
final class TokenStore {
  /** What the token endpoint hands out. */
  record IssuedTokens(String accessToken, String refreshToken, long expiresInSeconds) {}

  /** Outcome of checking a bearer token. */
  enum Verdict {
    VALID,
    EXPIRED,
    UNKNOWN
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> accessExpiry = new ConcurrentHashMap<>();
  private final Map<String, Instant> refreshExpiry = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile Duration lifetime;
  private final Duration refreshLifetime;

  TokenStore(Clock clock, Duration lifetime, Duration refreshLifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
    this.refreshLifetime = refreshLifetime;
  }

  IssuedTokens issue() {
    Instant now = clock.instant();
    String access = newToken();
    String refresh = newToken();
    accessExpiry.put(access, now.plus(lifetime));
    refreshExpiry.put(refresh, now.plus(refreshLifetime));
    return new IssuedTokens(access, refresh, lifetime.toSeconds());
  }

  /** Redeems a refresh token once (it rotates) for a new pair. */
  Optional<IssuedTokens> refresh(String refreshToken) {
    Instant expiry = refreshToken == null ? null : refreshExpiry.remove(refreshToken);
    if (expiry == null || !clock.instant().isBefore(expiry)) {
      return Optional.empty();
    }
    return Optional.of(issue());
  }

  Verdict check(String accessToken) {
    Instant expiry = accessToken == null ? null : accessExpiry.get(accessToken);
    if (expiry == null) {
      return Verdict.UNKNOWN;
    }
    return clock.instant().isBefore(expiry) ? Verdict.VALID : Verdict.EXPIRED;
  }

  /** Invalidates every access and refresh token, as a password reset or admin action does. */
  void revokeAll() {
    accessExpiry.clear();
    refreshExpiry.clear();
  }

  /** Applies to tokens issued from now on. */
  void lifetime(Duration lifetime) {
    this.lifetime = lifetime;
  }

  private String newToken() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

package io.mlconnector.sandbox.servicenow.auth;

import java.time.Duration;

/**
 * An OAuth application registry entry. {@code applicationUser} is the "OAuth Application User" a
 * client-credentials token acts as; {@code tokenLifetime} defaults to ServiceNow's 1800 s.
 */
public record OAuthClient(
    String clientId, String clientSecret, String applicationUser, Duration tokenLifetime) {

  public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(1800);
}

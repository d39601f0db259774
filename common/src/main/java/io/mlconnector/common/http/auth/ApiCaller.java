package io.mlconnector.common.http.auth;

/**
 * Who made an operator request: the name of the token presented (never its value) and its scope.
 *
 * @param name the token's name from {@code mlc.api.tokens}, e.g. {@code ops-2026-11}
 */
public record ApiCaller(String name, ApiScope scope) {}

package io.mlconnector.common.http;

/**
 * The one error body every ml-connector HTTP endpoint returns.
 *
 * @param status HTTP status, repeated in the body for log readers
 * @param code stable machine-readable code, e.g. {@code tenant-not-found}
 * @param message what went wrong, for a person
 * @param hint what to do about it, or {@code null}
 */
public record ApiError(int status, String code, String message, String hint) {}

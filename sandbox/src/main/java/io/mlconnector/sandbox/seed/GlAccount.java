package io.mlconnector.sandbox.seed;

import java.time.Instant;

/** A general-ledger account ({@code ac_mstr}); {@code type} is A(sset), L, E(xpense), I, O. */
public record GlAccount(
    String code,
    String description,
    String type,
    String currency,
    boolean active,
    Instant modified) {}

package io.mlconnector.sandbox.seed;

import java.time.Instant;

/** A supplier as QAD keeps it in {@code vd_mstr}; {@code code} is {@code vd_addr}. */
public record Supplier(
    String code,
    String name,
    String currency,
    String creditTerms,
    String apAccount,
    String apSubAccount,
    String apCostCenter,
    boolean onHold,
    Instant modified) {}

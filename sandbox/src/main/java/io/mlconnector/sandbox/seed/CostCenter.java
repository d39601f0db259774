package io.mlconnector.sandbox.seed;

import java.time.Instant;

/** A cost center ({@code cc_mstr.cc_ctr}). */
public record CostCenter(String code, String description, boolean active, Instant modified) {}

package io.mlconnector.sandbox.seed;

import java.time.Instant;

/** A sub-account ({@code sb_mstr.sb_sub}), QAD's second analysis dimension next to the account. */
public record SubAccount(String code, String description, boolean active, Instant modified) {}

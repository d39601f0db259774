package io.mlconnector.sandbox.seed;

import java.time.Instant;

/** A project ({@code pj_mstr.pj_project}) that PO lines and invoice lines can be charged to. */
public record Project(String code, String description, boolean active, Instant modified) {}

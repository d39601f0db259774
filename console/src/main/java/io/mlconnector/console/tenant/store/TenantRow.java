package io.mlconnector.console.tenant.store;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code tenant}, in the meaning common's {@code TenantRows} reads it: schedules hold
 * ISO-8601 durations by schedule key. Timestamps are null until the row is stored.
 */
public record TenantRow(
    String id,
    String displayName,
    boolean enabled,
    String qadBaseUrl,
    String qadWorkspace,
    String qadClientId,
    String qadUsername,
    String snInstanceUrl,
    String snClientId,
    boolean snBatchApi,
    boolean sandbox,
    boolean allowPrivateNetwork,
    Map<String, String> schedules,
    Map<String, String> mappingOverrides,
    Instant createdAt,
    Instant updatedAt) {}

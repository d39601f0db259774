package io.mlconnector.console.tenant.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.tenant.TenantRows;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The {@code tenant} table ({@link TenantEntity}). Writes join the caller's transaction; reads need
 * a request context or a transaction.
 */
@ApplicationScoped
public class TenantStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Inserts a new tenant; false if the id is taken (also by a concurrent insert). */
  public boolean insert(TenantRow t) {
    if (TenantEntity.findById(t.id()) != null) {
      return false;
    }
    TenantEntity row = new TenantEntity();
    row.id = t.id();
    row.createdAt = OffsetDateTime.now();
    copy(t, row);
    try {
      row.persistAndFlush();
      return true;
    } catch (PersistenceException e) {
      if (e instanceof ConstraintViolationException
          || e.getCause() instanceof ConstraintViolationException) {
        return false; // the caller answers 409; its transaction rolls back
      }
      throw e;
    }
  }

  /** Replaces every column of an existing tenant; false if unknown. */
  public boolean replace(TenantRow t) {
    TenantEntity row = TenantEntity.findById(t.id());
    if (row == null) {
      return false;
    }
    copy(t, row);
    return true;
  }

  public boolean setEnabled(String id, boolean enabled) {
    TenantEntity row = TenantEntity.findById(id);
    if (row == null) {
      return false;
    }
    row.enabled = enabled;
    row.updatedAt = OffsetDateTime.now();
    return true;
  }

  /** Deletes a tenant; its secrets go with it (the table's foreign key cascades). */
  public boolean delete(String id) {
    return TenantEntity.delete("id", id) == 1;
  }

  public Optional<TenantRow> find(String id) {
    return TenantEntity.<TenantEntity>findByIdOptional(id).map(TenantStore::row);
  }

  public List<TenantRow> findAll() {
    return TenantEntity.<TenantEntity>listAll(Sort.by("id")).stream()
        .map(TenantStore::row)
        .toList();
  }

  private static void copy(TenantRow t, TenantEntity row) {
    row.displayName = t.displayName();
    row.enabled = t.enabled();
    row.qadBaseUrl = t.qadBaseUrl();
    row.qadWorkspace = t.qadWorkspace();
    row.qadClientId = t.qadClientId();
    row.qadUsername = t.qadUsername();
    row.snInstanceUrl = t.snInstanceUrl();
    row.snClientId = t.snClientId();
    row.snBatchApi = t.snBatchApi();
    row.sandbox = t.sandbox();
    row.allowPrivateNetwork = t.allowPrivateNetwork();
    row.schedules = json(t.schedules());
    row.mappingOverrides = json(t.mappingOverrides());
    row.updatedAt = OffsetDateTime.now();
  }

  private static TenantRow row(TenantEntity e) {
    return new TenantRow(
        e.id,
        e.displayName,
        e.enabled,
        e.qadBaseUrl,
        e.qadWorkspace,
        e.qadClientId,
        e.qadUsername,
        e.snInstanceUrl,
        e.snClientId,
        e.snBatchApi,
        e.sandbox,
        e.allowPrivateNetwork,
        TenantRows.parseMap(e.schedules),
        TenantRows.parseMap(e.mappingOverrides),
        e.createdAt.toInstant(),
        e.updatedAt.toInstant());
  }

  private static String json(Map<String, String> map) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(map)); // Sorted: stable rows, readable diffs.
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string map always serialises", e);
    }
  }
}

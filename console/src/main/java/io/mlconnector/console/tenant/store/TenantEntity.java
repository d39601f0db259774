package io.mlconnector.console.tenant.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One row of the registry's {@code tenant} table (common's Flyway {@code tenant-registry V1_1}):
 * operator state the console writes one tenant at a time, so an entity. The other services read the
 * table through common's JDBC {@code RegistryRows}; {@code TenantRows} is the one place that knows
 * what the columns mean.
 */
@Entity
@Table(name = "tenant")
public class TenantEntity extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "display_name")
  public String displayName;

  public boolean enabled;

  @Column(name = "qad_base_url")
  public String qadBaseUrl;

  @Column(name = "qad_workspace")
  public String qadWorkspace;

  @Column(name = "qad_client_id")
  public String qadClientId;

  @Column(name = "qad_username")
  public String qadUsername;

  @Column(name = "sn_instance_url")
  public String snInstanceUrl;

  @Column(name = "sn_client_id")
  public String snClientId;

  @Column(name = "sn_batch_api")
  public boolean snBatchApi;

  public boolean sandbox;

  @Column(name = "allow_private_network")
  public boolean allowPrivateNetwork;

  /** JSON object of ISO-8601 durations by schedule key. */
  public String schedules;

  /** JSON object of strings. */
  @Column(name = "mapping_overrides")
  public String mappingOverrides;

  @Column(name = "created_at")
  public OffsetDateTime createdAt;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;
}

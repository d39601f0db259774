package io.mlconnector.console.tenant.store;

import io.mlconnector.common.crypto.EncryptedSecret;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One row of the registry's {@code tenant_secret} table: a ciphertext (AES-256-GCM, named key),
 * never a plaintext. Deleted with its tenant by the table's foreign key.
 */
@Entity
@Table(name = "tenant_secret")
@IdClass(TenantSecretEntity.Key.class)
public class TenantSecretEntity extends PanacheEntityBase {
  @Id public String tenant;
  @Id public String name;

  @Column(name = "key_id")
  public String keyId;

  public byte[] nonce;
  public byte[] ciphertext;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  EncryptedSecret secret() {
    return new EncryptedSecret(keyId, nonce, ciphertext);
  }

  /** The primary key: one secret of a name per tenant. */
  public static class Key implements Serializable {
    public String tenant;
    public String name;

    public Key() {}

    Key(String tenant, String name) {
      this.tenant = tenant;
      this.name = name;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(tenant, k.tenant) && Objects.equals(name, k.name);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenant, name);
    }
  }
}

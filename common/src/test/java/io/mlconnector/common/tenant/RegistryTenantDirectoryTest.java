package io.mlconnector.common.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.common.crypto.CredentialCipher;
import io.mlconnector.common.crypto.EncryptedSecret;
import io.mlconnector.common.tenant.TenantRows.TenantRow;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RegistryTenantDirectoryTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private final CredentialCipher cipher =
      new CredentialCipher(Optional.of("k1:" + KEY), Optional.of("k1"));
  private final Map<String, TenantRow> registry = new HashMap<>();
  private final AtomicInteger loads = new AtomicInteger();
  private final Supplier<Map<String, TenantRow>> rows =
      () -> {
        loads.incrementAndGet();
        return Map.copyOf(registry);
      };

  private TenantRow row(String id, String schedules, Map<String, EncryptedSecret> secrets) {
    return new TenantRow(
        id,
        id,
        true,
        "https://qad.example.com/" + id,
        "ws",
        "qc",
        "qu",
        "https://" + id + ".service-now.com",
        "sc",
        false,
        schedules,
        null,
        false,
        false,
        secrets);
  }

  private Map<String, EncryptedSecret> secretsOf(String tenant) {
    return Map.of(
        TenantRows.QAD_PASSWORD,
        cipher.encrypt("pw-" + tenant, TenantRows.associatedData(tenant, TenantRows.QAD_PASSWORD)));
  }

  @Test
  void oneUndecryptableSecretOrBadScheduleBreaksOnlyItsOwnTenant() {
    registry.put("good", row("good", "{\"qad.purchase-orders\":\"PT5M\"}", secretsOf("good")));
    // A ciphertext bound to another tenant (or written with another key) does not decrypt.
    registry.put("stolen", row("stolen", null, secretsOf("good")));
    registry.put("sched", row("sched", "{\"qad.purchase-orders\":\"every five\"}", Map.of()));
    RegistryTenantDirectory directory = new RegistryTenantDirectory(rows, cipher);

    assertThat(directory.find("good").orElseThrow().qad().password().reveal()).isEqualTo("pw-good");
    assertThat(directory.enabledTenants()).extracting(Tenant::id).containsExactly("good");
    assertThatThrownBy(() -> directory.find("stolen"))
        .hasMessageContaining("tenant stolen cannot be used")
        .hasMessageContaining("cannot decrypt qad.password");
    assertThatThrownBy(() -> directory.find("sched"))
        .hasMessageContaining("tenant sched cannot be used");
  }

  @Test
  void unknownIdsAreRememberedForAShortTimeInsteadOfReloadingTheRegistryEachTime() {
    registry.put("good", row("good", null, secretsOf("good")));
    RegistryTenantDirectory directory = new RegistryTenantDirectory(rows, cipher);
    directory.find("good");
    int before = loads.get();

    for (int i = 0; i < 100; i++) {
      assertThat(directory.find("ghost")).isEmpty();
    }

    assertThat(loads.get() - before).isEqualTo(1);
    registry.put("ghost", row("ghost", null, Map.of()));
    directory.invalidate();
    assertThat(directory.find("ghost")).isPresent();
  }
}

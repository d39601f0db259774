package io.mlconnector.qadpoller;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.event.EnvelopeCodec;
import io.mlconnector.common.event.EventEnvelope;
import io.mlconnector.common.tenant.RegistryTenantDirectory;
import io.mlconnector.common.tenant.Secret;
import io.mlconnector.common.tenant.Tenant;
import io.mlconnector.sandbox.qad.QadSimulator;
import io.mlconnector.sandbox.qad.QadTenant;
import io.mlconnector.sandbox.qad.QadTenantConfig;
import io.mlconnector.sandbox.qad.SettableClock;
import io.mlconnector.sandbox.seed.SeedData;
import io.mlconnector.sandbox.seed.SeedSize;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TenantFixtures;
import io.mlconnector.stack.TopicProbe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A QAD simulator on a settable clock, tenants registered for the poller, and topic reading. */
final class QadWorld implements AutoCloseable {
  static final SeedSize SMALL = new SeedSize(10, 20, 200, 50, 20, 30);

  final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
  final QadSimulator simulator = QadSimulator.start(0, clock);
  private final TenantFixtures fixtures = PollerStackResource.fixtures();
  private final RegistryTenantDirectory directory;
  private final List<String> registered = new ArrayList<>();
  private final TopicProbe topics = new TopicProbe(SharedStack.endpoints());

  /** One event as read from a topic. */
  record Seen(String topic, int partition, long offset, String key, EventEnvelope event) {}

  QadWorld(RegistryTenantDirectory directory) {
    this.directory = directory;
  }

  /** A seeded QAD tenant with a unique id, registered (enabled, sandbox) for the poller. */
  QadTenant tenant(String prefix, long seed, SeedSize size) throws Exception {
    String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    QadTenant qad = simulator.addTenant(QadTenantConfig.defaults(id));
    simulator.loadSeed(id, SeedData.generate(seed, size));
    fixtures.put(
        new Tenant(
            id,
            id,
            true,
            new Tenant.Qad(
                simulator.tenantUrl(id),
                "10USA_10USACO",
                "mlc-connector",
                "mlc.integration",
                new Secret("sandbox-" + id)),
            new Tenant.ServiceNow(URI.create("http://127.0.0.1:9"), "sn", new Secret("x"), false),
            Map.of(),
            Map.of(),
            true,
            false));
    registered.add(id);
    directory.invalidate();
    return qad;
  }

  /**
   * Every event of a tenant on a topic: at least {@code atLeast} of them, or with {@code atLeast}
   * negative, whatever the topic holds once reading brings nothing new.
   */
  List<Seen> events(String topic, String tenant, int atLeast) {
    String prefix = tenant + "|";
    int[] quiet = {0, -1};
    var records =
        topics.readUntil(
            topic,
            seen -> {
              if (atLeast >= 0) {
                return seen.stream().filter(r -> r.key().startsWith(prefix)).count() >= atLeast;
              }
              quiet[0] = seen.size() == quiet[1] && !seen.isEmpty() ? quiet[0] + 1 : 0;
              quiet[1] = seen.size();
              return quiet[0] >= 5;
            },
            Duration.ofSeconds(20));
    List<Seen> out = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.key() != null && r.key().startsWith(prefix)) {
        out.add(
            new Seen(r.topic(), r.partition(), r.offset(), r.key(), EnvelopeCodec.read(r.value())));
      }
    }
    return out;
  }

  static JsonNode field(Seen s, String name) {
    return s.event().payload().get(name);
  }

  @Override
  public void close() throws Exception {
    for (String id : registered) {
      fixtures.remove(id);
    }
    directory.invalidate();
    simulator.close();
  }
}

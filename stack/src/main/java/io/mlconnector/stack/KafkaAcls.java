package io.mlconnector.stack;

import io.mlconnector.common.event.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: one principal per service, allowed to write only the topics it
 * produces and read only the topics it consumes, with consumer groups under its own prefix.
 * Everything else is denied (the broker's authorizer allows nothing without an ACL). The Helm
 * chart's ACL Job grants the same (deploy/README.md).
 *
 * @param principal the SCRAM user (the service's module name)
 * @param writes topics it produces to
 * @param reads topics it consumes
 * @param groupPrefix prefix of its consumer groups, or null when it uses none
 * @param observedGroups prefix of other principals' groups whose committed offsets it may read (the
 *     console's records-behind figures), or null
 */
public record KafkaAcls(
    String principal,
    Set<String> writes,
    Set<String> reads,
    String groupPrefix,
    String observedGroups) {

  public KafkaAcls(String principal, Set<String> writes, Set<String> reads, String groupPrefix) {
    this(principal, writes, reads, groupPrefix, null);
  }

  private static final Set<String> SOURCE_TOPICS =
      Set.of(
          Topics.QAD_SUPPLIER_CHANGED,
          Topics.QAD_PO_CHANGED,
          Topics.QAD_DIMENSION_CHANGED,
          Topics.SN_INVOICE_CHANGED,
          Topics.SN_DIMENSION_CHANGED);

  /** What the console replays to and reads the backlog of: the source and command topics. */
  private static final Set<String> CONSOLE_TOPICS =
      union(SOURCE_TOPICS, Set.of(Topics.SN_UPSERT, Topics.QAD_INVOICE_POST, Topics.PARKED));

  /** Every service's grants. Parking ({@code mlc.parked}) is open to every producer. */
  public static final List<KafkaAcls> SERVICES =
      List.of(
          new KafkaAcls(
              "qad-poller",
              Set.of(
                  Topics.QAD_SUPPLIER_CHANGED,
                  Topics.QAD_PO_CHANGED,
                  Topics.QAD_DIMENSION_CHANGED,
                  Topics.PARKED),
              Set.of(),
              null),
          new KafkaAcls(
              "servicenow-poller",
              Set.of(Topics.SN_INVOICE_CHANGED, Topics.SN_DIMENSION_CHANGED, Topics.PARKED),
              Set.of(),
              null),
          new KafkaAcls(
              "mapper-service",
              Set.of(Topics.SN_UPSERT, Topics.QAD_INVOICE_POST, Topics.PARKED, Topics.DLQ),
              SOURCE_TOPICS,
              "mlc-mapper"),
          new KafkaAcls(
              "writer-service",
              Set.of(Topics.PARKED, Topics.DLQ),
              Set.of(Topics.SN_UPSERT, Topics.QAD_INVOICE_POST, Topics.QAD_PO_CHANGED),
              "mlc-writer"),
          // The console keeps mlc.parked in its database (group mlc-console-parked), replays to
          // the source and command topics only (ParkedReplay), and reads the keys of the fleet's
          // backlog and its groups' offsets for the records-behind figures (ConsumerLag).
          new KafkaAcls("console", CONSOLE_TOPICS, CONSOLE_TOPICS, "mlc-console", "mlc-"));

  public static KafkaAcls of(String principal) {
    return SERVICES.stream()
        .filter(a -> a.principal().equals(principal))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Kafka principal " + principal));
  }

  /** The ACLs granting exactly this. */
  public List<AclBinding> bindings() {
    List<AclBinding> out = new ArrayList<>();
    for (String topic : writes) {
      out.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
      out.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
    }
    for (String topic : reads) {
      out.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
      out.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE));
    }
    if (groupPrefix != null) {
      out.add(allow(ResourceType.GROUP, groupPrefix, PatternType.PREFIXED, AclOperation.READ));
    }
    if (observedGroups != null) {
      out.add(
          allow(ResourceType.GROUP, observedGroups, PatternType.PREFIXED, AclOperation.DESCRIBE));
    }
    return out;
  }

  private AclBinding allow(
      ResourceType type, String name, PatternType pattern, AclOperation operation) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

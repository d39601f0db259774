package io.mlconnector.snpoller.push;

import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import io.mlconnector.snpoller.poll.PollFamily;
import io.mlconnector.snpoller.poll.SourceTable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which family a notification's table belongs to, by the configured table names. */
@ApplicationScoped
public class NotifiedTables {
  private final Map<String, PollFamily> families = new LinkedHashMap<>();

  public NotifiedTables(ServiceNowPollerConfig config) {
    for (PollFamily family : PollFamily.values()) {
      for (SourceTable table : family.tables()) {
        families.put(table.tableName(config.servicenow().tables()), family);
      }
    }
  }

  public Optional<PollFamily> familyOf(String table) {
    return Optional.ofNullable(table == null ? null : families.get(table));
  }

  public List<String> polled() {
    return List.copyOf(families.keySet());
  }
}

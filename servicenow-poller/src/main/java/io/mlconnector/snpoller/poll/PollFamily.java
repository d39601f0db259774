package io.mlconnector.snpoller.poll;

import io.mlconnector.snpoller.config.ServiceNowPollerConfig;
import java.time.Duration;
import java.util.List;

/**
 * Tables polled together on one cadence. Invoice headers come before invoice lines, so an invoice
 * whose header and lines both changed is published once, complete, by the header read.
 */
public enum PollFamily {
  INVOICES("servicenow.invoices", List.of(SourceTable.INVOICE, SourceTable.INVOICE_LINE)),
  DIMENSIONS("servicenow.dimensions", List.of(SourceTable.COST_CENTER, SourceTable.GL_ACCOUNT));

  private final String scheduleKey;
  private final List<SourceTable> tables;

  PollFamily(String scheduleKey, List<SourceTable> tables) {
    this.scheduleKey = scheduleKey;
    this.tables = tables;
  }

  /** The key a tenant's {@code schedules} may override, e.g. {@code servicenow.invoices}. */
  public String scheduleKey() {
    return scheduleKey;
  }

  public List<SourceTable> tables() {
    return tables;
  }

  /** The deployment's default cadence for this family. */
  public Duration defaultCadence(ServiceNowPollerConfig.Schedule s) {
    return switch (this) {
      case INVOICES -> s.invoices();
      case DIMENSIONS -> s.dimensions();
    };
  }
}

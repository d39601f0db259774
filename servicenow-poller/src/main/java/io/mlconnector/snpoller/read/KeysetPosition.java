package io.mlconnector.snpoller.read;

import io.mlconnector.snclient.model.ServiceNowRecord;
import java.time.Instant;

/**
 * A point in the keyset order ({@code sys_updated_on}, {@code sys_id}).
 *
 * @param sysId the tie-breaker; {@code null} means "from the start of {@code updatedOn}'s second"
 */
public record KeysetPosition(Instant updatedOn, String sysId) {

  /** Just after {@code row}. */
  public static KeysetPosition after(ServiceNowRecord row, String updatedColumn, String idColumn) {
    return new KeysetPosition(GlideTime.parse(row.get(updatedColumn)), row.get(idColumn));
  }

  /** Every row updated at or after {@code second}. */
  public static KeysetPosition from(Instant second) {
    return new KeysetPosition(second, null);
  }
}

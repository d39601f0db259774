package io.mlconnector.common.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one shape of a parked record on {@link Topics#PARKED} (mapper, writer, consumer loops,
 * producers): same tenant, entity, source id and trace id as the original, {@code
 * sourceSystem=CONNECTOR}, and a payload the console can show and replay:
 *
 * <pre>{"stage","reason","originalTopic","originalKey","originalSourceSystem","original"}</pre>
 *
 * ({@code original} is left out when it is the problem, e.g. an event too large to publish; such a
 * record is fixed at the source and polled again, not replayed).
 */
public final class ParkedEvent {
  private ParkedEvent() {}

  /** The parked envelope; stage-specific fields can be added to its payload. */
  public static EventEnvelope of(
      EventEnvelope original,
      String originalTopic,
      String originalKey,
      String stage,
      String reason,
      boolean withOriginal) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("stage", stage);
    payload.put("reason", reason);
    payload.put("originalTopic", originalTopic);
    payload.put("originalKey", originalKey);
    payload.put("originalSourceSystem", original.sourceSystem().name());
    if (withOriginal) {
      payload.set("original", original.payload());
    }
    return original.derive(original.entity(), SourceSystem.CONNECTOR, payload);
  }
}

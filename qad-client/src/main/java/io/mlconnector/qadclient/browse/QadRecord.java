package io.mlconnector.qadclient.browse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One row exactly as QAD returned it, with the identities the connector derives from it.
 *
 * @param key the key fields joined with {@code |} (dedupe identity)
 * @param sourceId the source id fields joined with {@code |}
 * @param businessKey the Kafka business key
 */
public record QadRecord(
    ObjectNode fields, String key, String sourceId, String businessKey, Instant modified) {}

package io.mlconnector.qadclient.browse;

import java.util.List;

/**
 * How one entity is read from QAD: its browse id and which fields identify, key and date a row.
 *
 * @param keyFields fields that identify a record (dedupe key), e.g. {@code pod_nbr, pod_line}
 * @param sourceIdFields fields joined with {@code |} into the event's source id
 * @param businessKeyField field whose value is the Kafka business key (the PO number for the PO
 *     family, so headers, lines and receipts share a partition)
 * @param modifiedField the modified-time field used for modified-since reads
 */
public record BrowseDefinition(
    String browseId,
    List<String> keyFields,
    List<String> sourceIdFields,
    String businessKeyField,
    String modifiedField) {

  public BrowseDefinition {
    if (browseId == null || browseId.isBlank() || keyFields == null || keyFields.isEmpty()) {
      throw new IllegalArgumentException("browse definition needs a browseId and key fields");
    }
    keyFields = List.copyOf(keyFields);
    sourceIdFields = sourceIdFields == null ? keyFields : List.copyOf(sourceIdFields);
    businessKeyField = businessKeyField == null ? keyFields.get(0) : businessKeyField;
    modifiedField = modifiedField == null ? "mod_date" : modifiedField;
  }
}

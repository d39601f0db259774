package io.mlconnector.snclient.model;

import io.mlconnector.snclient.error.ServiceNowException;

/** The outcome of one {@link BatchWrite}: the written record, or the typed error for that item. */
public record BatchWriteResult(String id, ServiceNowRecord record, ServiceNowException error) {
  public boolean succeeded() {
    return error == null;
  }
}

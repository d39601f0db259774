package io.mlconnector.console.tenant.service;

import io.mlconnector.console.tenant.store.TenantRow;

/**
 * A validated tenant ready to store, with the plaintext secrets the request carried (null: keep or
 * leave unset). {@link #toString()} masks them.
 */
record TenantDraft(TenantRow row, String qadPassword, String snClientSecret) {
  @Override
  public String toString() {
    return "TenantDraft[" + row.id() + ", secrets=****]";
  }
}

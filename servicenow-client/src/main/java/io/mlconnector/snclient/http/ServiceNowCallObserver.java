package io.mlconnector.snclient.http;

/**
 * Told about every HTTP call the client makes, so a service can count them (Micrometer) without
 * this library depending on a metrics API. Provide one as a CDI bean; none is fine too.
 */
@FunctionalInterface
public interface ServiceNowCallObserver {
  /**
   * @param endpoint what was called, e.g. {@code GET table/sn_fcms_intg_imp_supplier}
   * @param status the HTTP status, or 0 when no answer arrived
   */
  void onCall(String tenant, String endpoint, int status);
}

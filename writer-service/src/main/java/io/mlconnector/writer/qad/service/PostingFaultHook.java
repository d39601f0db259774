package io.mlconnector.writer.qad.service;

/**
 * Called right after QAD accepted an invoice and before the ledger records it: the one moment a
 * crash could post twice if the ledger were not written as POSTING first. Production uses {@link
 * HaltAfterPost}; tests replace it to fail once there.
 */
public interface PostingFaultHook {
  void afterQadAccepted(String tenant, String sysId, String voucher);
}

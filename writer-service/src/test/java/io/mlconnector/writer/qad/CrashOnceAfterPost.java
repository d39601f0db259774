package io.mlconnector.writer.qad;

import io.mlconnector.writer.qad.service.PostingFaultHook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the halt hook in tests: for an armed invoice, fails once right after QAD accepted it and
 * before the ledger update — a crash at the worst moment, without killing the test JVM.
 */
@ApplicationScoped
public class CrashOnceAfterPost implements PostingFaultHook {
  private static final Set<String> ARMED = ConcurrentHashMap.newKeySet();

  static void arm(String sysId) {
    ARMED.add(sysId);
  }

  @Override
  public void afterQadAccepted(String tenant, String sysId, String voucher) {
    if (ARMED.remove(sysId)) {
      throw new IllegalStateException("simulated crash after QAD accepted " + voucher);
    }
  }
}

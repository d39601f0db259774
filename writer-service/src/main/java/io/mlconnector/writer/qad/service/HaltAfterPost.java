package io.mlconnector.writer.qad.service;

import io.mlconnector.writer.config.WriterConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * With {@code mlc.writer.qad.fault.halt-after-post=true} (crash tests only) the JVM halts like a
 * kill -9 after QAD accepted an invoice, before the ledger update; otherwise does nothing.
 */
@DefaultBean
@ApplicationScoped
public class HaltAfterPost implements PostingFaultHook {
  private static final Logger LOG = Logger.getLogger(HaltAfterPost.class);

  private final WriterConfig config;

  public HaltAfterPost(WriterConfig config) {
    this.config = config;
  }

  @Override
  public void afterQadAccepted(String tenant, String sysId, String voucher) {
    if (config.qad().fault().haltAfterPost()) {
      LOG.warnf("crash test: halting after QAD accepted %s as voucher %s", sysId, voucher);
      Runtime.getRuntime().halt(137);
    }
  }
}

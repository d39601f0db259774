package io.mlconnector.writer.qad.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of the QAD invoice writer, per tenant. */
@ApplicationScoped
public class InvoiceMetrics {
  private final MeterRegistry registry;

  public InvoiceMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void posted(String tenant) {
    count("mlc.writer.qad.invoices.posted", tenant);
  }

  /** An invoice started waiting for its receipt. */
  public void held(String tenant) {
    count("mlc.writer.qad.invoices.held", tenant);
  }

  /** A waiting invoice passed the gate after all. */
  public void released(String tenant) {
    count("mlc.writer.qad.invoices.released", tenant);
  }

  /** QAD refused an invoice, or the mapper rejected it. */
  public void failed(String tenant) {
    count("mlc.writer.qad.invoices.failed", tenant);
  }

  private void count(String name, String tenant) {
    registry.counter(name, "tenant", tenant).increment();
  }
}

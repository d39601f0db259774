package io.mlconnector.writer.qad.ledger;

/** A purchase order line in QAD ({@code pod_nbr}, {@code pod_line}). */
public record PoLine(String po, int line) {
  @Override
  public String toString() {
    return po + "/" + line;
  }
}

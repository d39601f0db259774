package io.mlconnector.stack.chaos;

/**
 * {@code ./mlc chaos [--records N] [--invoices M] [--minutes T] [--seed S] [--quick]}: exit 0 when
 * every invariant holds, 1 when one is violated (the records are named), 2 on bad options.
 */
public final class ChaosMain {
  private ChaosMain() {}

  public static void main(String[] args) throws Exception {
    ChaosOptions options;
    try {
      options = ChaosOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ChaosReport report = new ChaosRun(options, System.out).run();
    System.exit(report.passed() ? 0 : 1);
  }
}

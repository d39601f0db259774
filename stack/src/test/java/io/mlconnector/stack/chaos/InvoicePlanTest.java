package io.mlconnector.stack.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.SandboxLandscape;
import io.mlconnector.sandbox.seed.SeedData;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each documented chaos command plans its invoices from the seed it loads: a seed too small for its
 * invoices ended the self-test before its schedule began ("not enough PO lines in the seed").
 */
class InvoicePlanTest {

  @ParameterizedTest
  @ValueSource(strings = {"--self-test", "--quick", "--quick --invoices 400", ""})
  void theSeedOfEachCommandHoldsThePoLinesItsInvoicesNeed(String command) {
    ChaosOptions options =
        ChaosOptions.parse(command.isEmpty() ? new String[0] : command.split(" "));
    for (long seed = 1; seed <= 5; seed++) {
      try (SandboxLandscape sandbox =
          SandboxLandscape.start(
              ChaosRun.TENANTS,
              SeedData.withRecordCount(
                  SeedData.DEFAULT_SEED, options.records() / ChaosRun.TENANTS.size()))) {
        List<InvoicePlan.Planned> planned =
            InvoicePlan.plan(sandbox, ChaosRun.TENANTS, options.invoices(), new Random(seed));

        // Each tenant's share, plus two invoices on one shared PO line per tenant.
        assertThat(planned)
            .as("%s, seed %d", command, seed)
            .hasSize(options.invoices() + 2 * ChaosRun.TENANTS.size());
      }
    }
  }
}

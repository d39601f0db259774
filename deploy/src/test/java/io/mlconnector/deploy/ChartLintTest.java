package io.mlconnector.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * helm lint --strict passes for the defaults plus the secrets they require, and for the
 * three-tenant example.
 */
class ChartLintTest {

  @Test
  void defaultValuesLintCleanly() throws IOException {
    assertClean(HelmChart.lint(HelmChart.REQUIRED_SECRETS));
  }

  @Test
  void threeTenantExampleLintsCleanly() throws IOException {
    assertClean(HelmChart.lint(HelmChart.examples("three-tenants.yaml")));
  }

  private static void assertClean(LintResult result) {
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    assertThat(result.getMessages())
        .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
  }
}

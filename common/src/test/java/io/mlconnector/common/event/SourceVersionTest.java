package io.mlconnector.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceVersionTest {
  @Test
  void servicenowVersionsAreOrderedByTheirUpdateTime() {
    assertThat(SourceVersion.isOlder("2025-03-01 10:00:00#a", "2025-03-01 10:00:01#b")).isTrue();
    assertThat(SourceVersion.isNewer("2025-03-01 10:00:01#a", "2025-03-01 10:00:00#b")).isTrue();
    assertThat(SourceVersion.isOlder("2025-03-01 10:00:01#a", "2025-03-01 10:00:00#b")).isFalse();
  }

  @Test
  void qadInstantsCompareAsTimesNotAsText() {
    // As text, "10:00:00.500Z" sorts before "10:00:00Z"; as times it is later.
    assertThat(SourceVersion.isNewer("2025-03-01T10:00:00.500Z#x", "2025-03-01T10:00:00Z#y"))
        .isTrue();
  }

  @Test
  void versionsWithoutATimeOrInTheSameSecondAreNeitherOlderNorNewer() {
    assertThat(SourceVersion.isOlder("v1", "2025-03-01 10:00:00#b")).isFalse();
    assertThat(SourceVersion.isNewer("2025-03-01 10:00:00#a", "v1")).isFalse();
    assertThat(SourceVersion.isOlder("2025-03-01 10:00:00#a", "2025-03-01 10:00:00#b")).isFalse();
    assertThat(SourceVersion.isNewer("2025-03-01 10:00:00#a", null)).isFalse();
  }
}

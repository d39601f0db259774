package io.mlconnector.snclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchSizerTest {
  @Test
  void sizesCallsToTheTimeBudgetAtTheMeasuredTimePerItem() {
    BatchSizer sizer = new BatchSizer(Duration.ofSeconds(20), 200, 1000);
    assertThat(sizer.itemsPerCall()).isEqualTo(200);

    sizer.observe(200, 200, 8_000); // 40 ms per sub-request: 500 fit in 20 s
    assertThat(sizer.itemsPerCall()).isEqualTo(500);

    BatchSizer fast = new BatchSizer(Duration.ofSeconds(20), 200, 1000);
    fast.observe(200, 200, 200); // 1 ms each: capped at max-items
    assertThat(fast.itemsPerCall()).isEqualTo(1000);
  }

  @Test
  void aCallCutShortByTheQuotaCapsTheSizeAtWhatItServiced() {
    BatchSizer sizer = new BatchSizer(Duration.ofSeconds(20), 1000, 1000);
    sizer.observe(1000, 600, 30_000); // the 30 s quota hit after 600 sub-requests
    assertThat(sizer.itemsPerCall()).isEqualTo(400); // 50 ms each: 400 in the 20 s budget
  }
}

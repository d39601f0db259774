package io.mlconnector.mapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.common.audit.AuditTrail;
import io.mlconnector.stack.SharedStack;
import io.mlconnector.stack.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** What every mapper test needs: the broker, the audit trail, and a consumer that is consuming. */
abstract class MapperTestBase {
  protected final ObjectMapper json = new ObjectMapper();
  protected final TopicProbe topics = new TopicProbe(SharedStack.endpoints());
  @Inject AuditTrail audit;

  @BeforeEach
  void consumerIsReady() {
    MapperStack.awaitConsuming();
  }
}

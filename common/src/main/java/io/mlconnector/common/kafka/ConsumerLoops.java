package io.mlconnector.common.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's consumer loops, registered as they start; read by the readiness check. */
@ApplicationScoped
public class ConsumerLoops {
  private final List<EventConsumerLoop> loops = new CopyOnWriteArrayList<>();

  public void register(EventConsumerLoop loop) {
    loops.add(loop);
  }

  public List<EventConsumerLoop> all() {
    return List.copyOf(loops);
  }
}

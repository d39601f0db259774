package io.mlconnector.common.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a launcher ({@code ./mlc up}, {@code ./mlc demo}) starts a service, it passes its own pid in
 * {@code MLC_PARENT_PID}; the service shuts down cleanly once that process is gone, so nothing
 * keeps running after the launcher is killed. Unset in production.
 */
@ApplicationScoped
public class ParentWatch {
  private static final Logger LOG = Logger.getLogger(ParentWatch.class);

  private final Optional<Long> parentPid;

  public ParentWatch(@ConfigProperty(name = "mlc.parent-pid") Optional<Long> parentPid) {
    this.parentPid = parentPid;
  }

  void onStart(@Observes StartupEvent event) {
    parentPid.ifPresent(
        pid -> {
          Optional<ProcessHandle> parent = ProcessHandle.of(pid);
          if (parent.isEmpty()) {
            LOG.warnf("launcher pid %d is already gone; shutting down", pid);
            Quarkus.asyncExit();
            return;
          }
          parent
              .get()
              .onExit()
              .thenRun(
                  () -> {
                    LOG.infof("launcher pid %d exited; shutting down", pid);
                    Quarkus.asyncExit();
                  });
        });
  }
}

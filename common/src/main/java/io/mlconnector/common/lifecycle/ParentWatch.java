package io.mlconnector.common.lifecycle;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * When a launcher ({@code ./mlc up}, {@code ./mlc demo}) starts a service, it passes its own pid in
 * {@code MLC_PARENT_PID} ({@link ParentWatchConfig}); the service shuts down cleanly once that
 * process is gone, so nothing keeps running after the launcher is killed. Unset in production.
 */
@ApplicationScoped
public class ParentWatch {
  private static final Logger LOG = Logger.getLogger(ParentWatch.class);

  private final Optional<Long> parentPid;
  private final Runnable exit;

  @Inject
  public ParentWatch(ParentWatchConfig config) {
    this(config, Quarkus::asyncExit);
  }

  /** With {@code exit} in place of Quarkus' shutdown, for tests. */
  ParentWatch(ParentWatchConfig config, Runnable exit) {
    this.parentPid = config.pid();
    this.exit = exit;
  }

  void onStart(@Observes StartupEvent event) {
    watch();
  }

  /** Exits now if the launcher is already gone, else once it exits; nothing without a pid. */
  void watch() {
    parentPid.ifPresent(
        pid -> {
          Optional<ProcessHandle> parent = ProcessHandle.of(pid);
          if (parent.isEmpty()) {
            LOG.warnf("launcher pid %d is already gone; shutting down", pid);
            exit.run();
            return;
          }
          parent
              .get()
              .onExit()
              .thenRun(
                  () -> {
                    LOG.infof("launcher pid %d exited; shutting down", pid);
                    exit.run();
                  });
        });
  }
}

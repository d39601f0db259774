package io.mlconnector.common.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service started by a launcher exits when the launcher is gone: real processes stand in for the
 * launcher, the pid reaches the watch through the typed mapping as stack's {@code ServiceProcess}
 * passes it ({@code MLC_PARENT_PID}), and a counter stands in for Quarkus' shutdown.
 */
class ParentWatchTest {
  private final AtomicInteger exits = new AtomicInteger();
  private Process launcher;

  @AfterEach
  void stopLauncher() {
    if (launcher != null) {
      launcher.destroyForcibly();
    }
  }

  @Test
  void theServiceExitsOnceItsLauncherIsGone() throws Exception {
    launcher = new ProcessBuilder("sleep", "300").start();
    ParentWatch watch =
        new ParentWatch(
            config(new EnvConfigSource(Map.of("MLC_PARENT_PID", pid(launcher)), 300)),
            exits::incrementAndGet);

    watch.watch();
    assertThat(exits).as("the launcher still runs").hasValue(0);

    launcher.destroy();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(exits).hasValue(1));
  }

  @Test
  void aLauncherAlreadyGoneAtStartExitsAtOnce() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    await().until(() -> ProcessHandle.of(gone.pid()).isEmpty());

    new ParentWatch(
            config(new PropertiesConfigSource(Map.of("mlc.parent-pid", pid(gone)), "test", 100)),
            exits::incrementAndGet)
        .watch();

    assertThat(exits).hasValue(1);
  }

  @Test
  void withoutTheKeyNothingIsWatched() throws Exception {
    ParentWatchConfig none = config(new PropertiesConfigSource(Map.of(), "test", 100));
    assertThat(none.pid()).isEmpty();

    new ParentWatch(none, exits::incrementAndGet).watch();

    assertThat(exits).hasValue(0);
  }

  private static String pid(Process process) {
    return Long.toString(process.pid());
  }

  private static ParentWatchConfig config(ConfigSource source) {
    return new SmallRyeConfigBuilder()
        .withMapping(ParentWatchConfig.class)
        .withSources(source)
        .build()
        .getConfigMapping(ParentWatchConfig.class);
  }
}

package io.mlconnector.common.lifecycle;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Optional;

/**
 * The launcher a locally started service watches ({@code mlc.parent-pid}); see {@link ParentWatch}.
 * The key itself is the prefix: a mapping of all {@code mlc.*} would make every service's other
 * {@code mlc.*} keys answer to this one mapping's check for unknown properties.
 */
@ConfigMapping(prefix = "mlc.parent-pid")
public interface ParentWatchConfig {
  /**
   * Pid of the process that started this service ({@code MLC_PARENT_PID}, set by stack's {@code
   * ServiceProcess} for {@code ./mlc up} and {@code ./mlc demo}); when it is gone the service
   * exits. Unset (production): nothing is watched.
   */
  @WithParentName
  Optional<Long> pid();
}

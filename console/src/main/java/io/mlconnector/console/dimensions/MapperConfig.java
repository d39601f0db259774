package io.mlconnector.console.dimensions;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Where the console finds the mapper-service ({@code mlc.console.mapper.*}). */
@ConfigMapping(prefix = "mlc.console.mapper")
public interface MapperConfig {
  /**
   * Base URL of the mapper-service ({@code MLC_CONSOLE_MAPPER_URL}), for the page's dimension
   * alignment report and mapping fixes; unset: those answer 503. It is also the URL of the relay's
   * REST client ({@code quarkus.rest-client.mapper.url} is set from it in application.properties).
   */
  Optional<String> url();
}

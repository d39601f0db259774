package io.mlconnector.common.http.auth;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Operator-API tokens of a service ({@code mlc.api.*}). Each entry is {@code name:scope:secret}
 * (scope {@code read}, {@code operate} or {@code admin}; secret at least 24 characters, no commas
 * or whitespace). Several entries may be valid at once, which is how a token is rotated: add the
 * new one, move the callers, remove the old one.
 */
@ConfigMapping(prefix = "mlc.api")
public interface ApiAuthConfig {

  /** Tokens from configuration ({@code MLC_API_TOKENS}, comma-separated, from a secret). */
  Optional<List<String>> tokens();

  /**
   * A file with one {@code name:scope:secret} per line ({@code #} comments), re-read when it
   * changes ({@code MLC_API_TOKENS_FILE}): a mounted Kubernetes Secret rotates tokens without a
   * restart. Its entries add to {@link #tokens()}.
   */
  Optional<Path> tokensFile();
}

package io.mlconnector.common.http.auth;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The tokens this service accepts: those of {@code mlc.api.tokens} plus those of {@code
 * mlc.api.tokens-file}, which is re-read whenever its modification time or size changes. A
 * malformed configuration stops the service at start; a malformed file later keeps the tokens that
 * were valid before (logged), so a bad edit does not lock operators out.
 */
// Startup: a malformed token list fails the deployment, not the first operator call.
@Startup
@ApplicationScoped
public class ApiTokens {
  private static final Logger LOG = Logger.getLogger(ApiTokens.class);

  private final ApiTokenSet fromConfig;
  private final Optional<Path> file;
  private volatile FileState fileState = new FileState(null, -1, ApiTokenSet.EMPTY);

  private record FileState(FileTime modified, long size, ApiTokenSet tokens) {}

  public ApiTokens(ApiAuthConfig config) {
    this.fromConfig = ApiTokenSet.parse(config.tokens().orElse(List.of()));
    this.file = config.tokensFile();
    file.ifPresent(f -> fileState = read(f));
    LOG.infof(
        "operator API: %d token(s) configured%s",
        current().size(), file.map(f -> ", file " + f + " watched").orElse(""));
  }

  /** The tokens valid now. */
  public ApiTokenSet current() {
    if (file.isPresent()) {
      refresh(file.get());
    }
    return fromConfig.plus(fileState.tokens());
  }

  private void refresh(Path f) {
    FileState known = fileState;
    try {
      FileTime modified = Files.getLastModifiedTime(f);
      long size = Files.size(f);
      if (modified.equals(known.modified()) && size == known.size()) {
        return;
      }
      ApiTokenSet tokens;
      try {
        tokens = ApiTokenSet.parse(Files.readAllLines(f));
        LOG.infof("operator API: tokens re-read from %s (%d)", f, tokens.size());
      } catch (IllegalArgumentException e) {
        LOG.errorf("operator API: %s is malformed, keeping the previous tokens: %s", f, e);
        tokens = known.tokens(); // remembered with this version: reported once, not per request
      }
      fileState = new FileState(modified, size, tokens);
    } catch (IOException e) {
      LOG.errorf("operator API: cannot read %s, keeping the previous tokens: %s", f, e);
    }
  }

  private static FileState read(Path f) {
    try {
      return new FileState(
          Files.getLastModifiedTime(f), Files.size(f), ApiTokenSet.parse(Files.readAllLines(f)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the API tokens file " + f, e);
    }
  }
}

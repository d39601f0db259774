package io.mlconnector.pollercore.health;

/**
 * A reader cannot read past some point without risking a skipped record (the source does not honour
 * the filter that would let it move on), so it stops there instead of skipping. What it published
 * before stays acknowledged; the cursor stays before the point.
 */
public class ReadStalledException extends RuntimeException {

  public ReadStalledException(String message) {
    super(message);
  }

  public ReadStalledException(String message, Throwable cause) {
    super(message, cause);
  }
}

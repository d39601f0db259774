package io.mlconnector.sandbox;

import java.net.URI;

/**
 * A running simulator of an external system. Lifecycle: constructed and started by its own factory
 * method, serves requests on loopback until {@link #close()}.
 */
public interface Simulator extends AutoCloseable {

  /** Root URL of the HTTP server, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri();

  /** Stops the HTTP server; idempotent. */
  @Override
  void close();
}

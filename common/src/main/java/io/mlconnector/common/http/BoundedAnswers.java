package io.mlconnector.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads an answer's body only up to a size limit and a deadline: a larger answer (declared by its
 * {@code Content-Length} or streamed without one) is refused without reading the rest, so one
 * runaway response cannot exhaust the heap of a service that serves every tenant; and an answer
 * that keeps trickling in past its deadline is given up, so it cannot hold the calling (consumer)
 * thread for ever. {@link ExternalHttp} reads every answer through it.
 */
public final class BoundedAnswers {
  private static final int CHUNK = 8192;

  private BoundedAnswers() {}

  /** The answer was larger than the limit; its body was not read. */
  public static final class TooLarge extends Exception {
    private final long declared;
    private final long limit;
    private final int status;

    TooLarge(long declared, long limit, int status) {
      super(null, null, false, false);
      this.declared = declared;
      this.limit = limit;
      this.status = status;
    }

    /** HTTP status of the refused answer. */
    public int status() {
      return status;
    }

    /** One sentence for people, naming the setting that moves the limit. */
    public String describe(String setting) {
      return "answered "
          + (declared > 0 ? declared + " bytes, " : "")
          + "larger than the limit of "
          + limit
          + " bytes ("
          + setting
          + "); not read";
    }
  }

  /**
   * @param declared the answer's {@code Content-Length}, or -1 when it has none
   * @param deadline {@link System#nanoTime()} by which the whole body must have arrived
   * @throws TooLarge when the answer is (or turns out to be) over {@code limit} bytes
   * @throws SocketTimeoutException when the body is not complete by the deadline
   */
  static byte[] read(InputStream in, long declared, long limit, int status, long deadline)
      throws IOException, TooLarge {
    if (declared > limit) {
      throw new TooLarge(declared, limit, status);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      if (bytes.size() + (long) n > limit) {
        throw new TooLarge(-1, limit, status);
      }
      bytes.write(chunk, 0, n);
      if (System.nanoTime() - deadline > 0) {
        throw new SocketTimeoutException("answer not complete by its deadline");
      }
    }
    return bytes.toByteArray();
  }
}

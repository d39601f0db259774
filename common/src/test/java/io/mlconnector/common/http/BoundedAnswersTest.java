package io.mlconnector.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The size and time bounds every answer of an external system is read within. */
class BoundedAnswersTest {
  private static final long LIMIT = 1_000;

  /** A body that keeps coming, one small piece at a time, each within any read timeout. */
  private static final class Trickle extends InputStream {
    @Override
    public int read() {
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException();
      }
      b[off] = ' ';
      return 1;
    }
  }

  private static long in(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  void aCompleteAnswerWithinTheLimitIsRead() throws Exception {
    byte[] json = "{\"result\": []}".getBytes(StandardCharsets.UTF_8);

    byte[] read =
        BoundedAnswers.read(
            new ByteArrayInputStream(json), json.length, LIMIT, 200, in(Duration.ofSeconds(5)));

    assertThat(read).isEqualTo(json);
  }

  @Test
  void aDeclaredLengthAboveTheLimitIsRefusedUnread() {
    InputStream never =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("the body must not be read");
          }
        };

    assertThatThrownBy(
            () -> BoundedAnswers.read(never, 50_000_000, LIMIT, 200, in(Duration.ofSeconds(5))))
        .isInstanceOfSatisfying(
            BoundedAnswers.TooLarge.class,
            e ->
                assertThat(e.describe("mlc.x.max-body-bytes"))
                    .isEqualTo(
                        "answered 50000000 bytes, larger than the limit of 1000 bytes"
                            + " (mlc.x.max-body-bytes); not read"));
  }

  @Test
  void anUndeclaredBodyIsCutAtTheLimit() {
    byte[] big = new byte[5_000];

    assertThatThrownBy(
            () ->
                BoundedAnswers.read(
                    new ByteArrayInputStream(big), -1, LIMIT, 200, in(Duration.ofSeconds(5))))
        .isInstanceOf(BoundedAnswers.TooLarge.class);
  }

  @Test
  void aBodyTricklingInPastItsDeadlineIsGivenUp() {
    assertThatThrownBy(
            () ->
                BoundedAnswers.read(new Trickle(), -1, 1_000_000, 200, in(Duration.ofMillis(300))))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessageContaining("not complete");
  }
}

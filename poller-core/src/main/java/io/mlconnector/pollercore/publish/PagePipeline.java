package io.mlconnector.pollercore.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The pages of one poll, published one after the other on a thread of their own while the reader
 * goes on reading: reading the next page from the source overlaps with publishing and committing
 * the previous one, which the poll otherwise waits for page by page (the broker's acknowledgement,
 * then the commit). Each page is still published whole and in the order read (order per key), and
 * the cursor still moves page by page, only past acknowledged events. Once a page fails, the pages
 * read after it are dropped unpublished and the reader is stopped at its next page with that
 * failure: what was committed stays, the rest is read again by the next poll, as before.
 */
public final class PagePipeline {
  /** Pages read ahead of the one being published: enough to overlap, little memory. */
  static final int READ_AHEAD = 2;

  private final Executor executor;
  private final Deque<CompletableFuture<Void>> queued = new ArrayDeque<>();
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  PagePipeline(Executor executor) {
    this.executor = executor;
  }

  /**
   * Queues one page's publishing (typically {@link PagePublisher#publish} and the poll's counting)
   * after the pages queued before; waits while {@link #READ_AHEAD} pages are already queued.
   *
   * @throws RuntimeException the failure of an earlier page: stop reading
   */
  public void publish(Runnable page) {
    tail = tail.thenRunAsync(page, executor);
    queued.add(tail);
    while (queued.size() > READ_AHEAD) {
      join(queued.poll());
    }
  }

  /** Waits until every queued page is published; throws the first page failure. */
  void finish() {
    join(tail);
    queued.clear();
  }

  /**
   * The reader failed: the pages it handed over before still get published (as when reading and
   * publishing took turns), and a page failure besides is kept as suppressed.
   */
  void finishAfter(RuntimeException readFailure) {
    try {
      finish();
    } catch (RuntimeException pageFailure) {
      if (pageFailure != readFailure) {
        readFailure.addSuppressed(pageFailure);
      }
    }
  }

  private static void join(CompletableFuture<Void> page) {
    try {
      page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}

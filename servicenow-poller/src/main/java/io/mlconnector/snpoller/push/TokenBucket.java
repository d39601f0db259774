package io.mlconnector.snpoller.push;

/** A per-minute allowance that refills continuously, so a burst cannot exceed it. */
final class TokenBucket {
  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last = System.nanoTime();

  TokenBucket(int perMinute) {
    this.capacity = Math.max(1, perMinute);
    this.perNano = capacity / 60e9;
    this.tokens = capacity;
  }

  synchronized boolean take() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}

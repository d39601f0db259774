package io.mlconnector.sandbox.servicenow.traffic;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long a real instance takes to answer, modelled per kind of call so a benchmark can run at a
 * realistic ServiceNow latency instead of loopback speed: every Table API call (and the Batch API
 * call itself, its round trip) waits {@code tableCall}; a Batch API call also waits {@code
 * batchSubRequest} per sub-request it services (the instance runs them one after the other); a
 * token request waits {@code token}. All zero by default. Unlike the fault switch {@code
 * latency_ms}, this is part of the instance's nature: clearing faults leaves it in place.
 */
public final class LatencyModel {
  /** The three figures, in milliseconds. */
  public record Settings(long tableCallMs, long batchSubRequestMs, long tokenMs) {
    public static final Settings NONE = new Settings(0, 0, 0);

    /**
     * One figure for a whole instance, as {@code ./mlc bench --latency-ms} and {@code ./mlc sandbox
     * --latency-ms} take it: {@code callMs} per Table API call and per token request (the network
     * round trip plus the instance's work), a fifth of it per Batch API sub-request (the instance's
     * work only: the sub-requests share the batch's one round trip).
     */
    public static Settings perCall(long callMs) {
      return new Settings(callMs, callMs / 5, callMs);
    }

    public Settings {
      if (tableCallMs < 0 || batchSubRequestMs < 0 || tokenMs < 0) {
        throw new IllegalArgumentException("latencies must not be negative");
      }
    }

    public Map<String, Object> asMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("table_call_ms", tableCallMs);
      out.put("batch_sub_request_ms", batchSubRequestMs);
      out.put("token_ms", tokenMs);
      return out;
    }
  }

  private volatile Settings settings = Settings.NONE;

  public LatencyModel set(Settings value) {
    this.settings = value;
    return this;
  }

  public Settings settings() {
    return settings;
  }

  /** Before a Table API or Batch API call is handled. */
  public void tableCall() throws InterruptedException {
    pause(settings.tableCallMs());
  }

  /** Before each sub-request a Batch API call services. */
  public void batchSubRequest() throws InterruptedException {
    pause(settings.batchSubRequestMs());
  }

  /** Before a token request is handled. */
  public void token() throws InterruptedException {
    pause(settings.tokenMs());
  }

  private static void pause(long millis) throws InterruptedException {
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}

package io.mlconnector.snclient;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.common.http.RetryAfter;
import io.mlconnector.common.retry.CallGuard;
import io.mlconnector.common.retry.ThrottledBeyondCap;
import io.mlconnector.common.retry.TryAgain;
import io.mlconnector.snclient.error.ServiceNowErrors;
import io.mlconnector.snclient.error.ServiceNowException;
import io.mlconnector.snclient.error.ServiceNowUnavailableException;
import io.mlconnector.snclient.http.InstancePaths;
import io.mlconnector.snclient.http.ResponseJson;
import io.mlconnector.snclient.http.ServiceNowTransport;
import io.mlconnector.snclient.http.ServiceNowTransport.Request;
import io.mlconnector.snclient.http.ServiceNowTransport.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/now/v1/batch}: sub-requests (base64 bodies) go in as few calls as the time
 * budget allows ({@link BatchSizer}). A sub-request is handled like the same Table API call would
 * be: a 429 inside the batch is sent again after its wait, a 5xx only when the sub-request is
 * idempotent (GET, PATCH; a POST that failed may have created its row, so its caller must look it
 * up rather than resend). Those waits are the tenant's {@link CallGuard} retry's: each round of
 * resends is an attempt of it ({@link CallGuard#callInRounds}), so they have a whole call's budgets
 * and a {@code Retry-After} above the cap opens the tenant's breaker. Ids ServiceNow lists in
 * {@code unserviced_requests} (transaction quota reached) are sent again at once, in their order,
 * within the resend budget. The batch call itself is never retried on 5xx (its inserts may have
 * run): its items come back with that error.
 */
final class BatchApi {
  /** One sub-request; {@code url} is relative to the instance, {@code body} JSON or null. */
  record SubRequest(String id, String method, String url, String body, boolean idempotent) {}

  /** ServiceNow's answer to one sub-request ({@code error} null), or why there is none. */
  record Answer(int status, String body, Map<String, String> headers, ServiceNowException error) {
    static Answer failed(ServiceNowException error) {
      return new Answer(0, "", Map.of(), error);
    }
  }

  private final InstancePaths paths;
  private final ServiceNowTransport transport;
  private final BatchSizer sizer;
  private final CallGuard guard;
  private final int maxResends;

  BatchApi(
      InstancePaths paths,
      ServiceNowTransport transport,
      BatchSizer sizer,
      CallGuard guard,
      int maxResends) {
    this.paths = paths;
    this.transport = transport;
    this.sizer = sizer;
    this.guard = guard;
    this.maxResends = maxResends;
  }

  /** Every sub-request's answer, by id. */
  Map<String, Answer> run(List<SubRequest> items) {
    Rounds rounds = new Rounds(items);
    try {
      guard.callInRounds(a -> rounds.sendUntilRefused(), Rounds.class);
    } catch (ServiceNowException e) {
      rounds.endPending(id -> Answer.failed(e));
    } catch (RoundsSpent e) {
      // the last refusal (a 429 or a 5xx) is each part's answer, as for a single call
      ServiceNowUnavailableException none = unserviced(rounds.pending.size());
      rounds.endPending(id -> rounds.refused.getOrDefault(id, Answer.failed(none)));
    } catch (ThrottledBeyondCap e) {
      ServiceNowUnavailableException error = beyondCap(e);
      rounds.endPending(id -> Answer.failed(error));
    }
    return rounds.done;
  }

  /** The retry's budget of waits between rounds is spent. */
  private static final class RoundsSpent extends RuntimeException {
    RoundsSpent() {
      super("batch rounds spent", null, false, false);
    }
  }

  /** The sub-requests of one {@link #run}: those answered, those still to send. */
  private final class Rounds {
    final Map<String, SubRequest> pending = new LinkedHashMap<>();
    final Map<String, Answer> done = new HashMap<>();

    /** The sub-requests the last round's answer refused (429, or 5xx of an idempotent one). */
    final Map<String, Answer> refused = new HashMap<>();

    private int idleCalls;

    Rounds(List<SubRequest> items) {
      items.forEach(i -> pending.put(i.id(), i));
      if (pending.size() != items.size()) {
        throw new IllegalArgumentException("batch item ids must be unique");
      }
    }

    /**
     * One attempt of the guard's retry: calls until every sub-request is answered, or until a
     * call's answer refused some, which ends the attempt with {@link TryAgain} (the retry waits,
     * then the next attempt resends what is pending). Unserviced ones go again at once.
     */
    Rounds sendUntilRefused() {
      while (!pending.isEmpty()) {
        List<SubRequest> call = pending.values().stream().limit(sizer.itemsPerCall()).toList();
        long started = System.nanoTime();
        JsonNode answer = send(call);
        refused.clear();
        int serviced = 0;
        boolean throttled = false;
        Optional<String> retryAfter = Optional.empty();
        for (JsonNode item : answer.path("serviced_requests")) {
          SubRequest sub = pending.get(item.path("id").asText());
          if (sub == null) {
            continue;
          }
          serviced++;
          Answer a = BatchBodies.answer(item);
          if (a.status() == 429) {
            throttled = true;
            retryAfter = longer(retryAfter, Optional.ofNullable(a.headers().get("Retry-After")));
            refused.put(sub.id(), a);
          } else if (a.status() >= 500 && sub.idempotent()) {
            refused.put(sub.id(), a);
          } else {
            pending.remove(sub.id());
            done.put(sub.id(), a);
          }
        }
        sizer.observe(call.size(), serviced, (System.nanoTime() - started) / 1_000_000);
        // Calls in a row that serviced nothing count against the resend budget.
        idleCalls = serviced == 0 ? idleCalls + 1 : 0;
        if (idleCalls > maxResends) {
          ServiceNowUnavailableException e = unserviced(pending.size());
          endPending(id -> Answer.failed(e));
        } else if (throttled) {
          throw TryAgain.throttled(retryAfter, n -> new RoundsSpent());
        } else if (!refused.isEmpty()) {
          throw TryAgain.failed(n -> new RoundsSpent());
        }
      }
      return this;
    }

    void endPending(Function<String, Answer> answer) {
      pending.keySet().forEach(id -> done.put(id, answer.apply(id)));
      pending.clear();
    }
  }

  /** The header asking for the longer pause (an unreadable one counts as none). */
  private static Optional<String> longer(Optional<String> a, Optional<String> b) {
    Duration da = a.flatMap(RetryAfter::parse).orElse(Duration.ZERO);
    Duration db = b.flatMap(RetryAfter::parse).orElse(Duration.ZERO);
    return db.compareTo(da) > 0 || a.isEmpty() ? b : a;
  }

  private static ServiceNowUnavailableException beyondCap(ThrottledBeyondCap e) {
    return new ServiceNowUnavailableException(
        "Batch API sub-requests throttled: Retry-After "
            + e.waitAsked().toSeconds()
            + " s is above the cap (mlc.servicenow.retry.retry-after-cap); calls paused until "
            + e.openUntil(),
        429,
        null);
  }

  private ServiceNowUnavailableException unserviced(int count) {
    return new ServiceNowUnavailableException(
        "Batch API left " + count + " item(s) unserviced after " + maxResends + " resends",
        200,
        null);
  }

  private JsonNode send(List<SubRequest> items) {
    Response r =
        transport.send(Request.of("POST", paths.batch(), BatchBodies.request(items), "batch"));
    return ResponseJson.read(r.body(), r.status(), "POST batch");
  }

  /** The typed error of a sub-request that did not succeed, or null when it did. */
  static ServiceNowException errorOf(Answer a, String what) {
    if (a.error() != null) {
      return a.error();
    }
    return a.status() >= 200 && a.status() < 300
        ? null
        : ServiceNowErrors.of(what, a.status(), a.body());
  }
}

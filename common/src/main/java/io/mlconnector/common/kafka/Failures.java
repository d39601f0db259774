package io.mlconnector.common.kafka;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Tells a failure of the infrastructure (a database or broker that is down, a timeout) from a
 * failure of the record. Only the latter count towards parking a record: a record is never parked
 * because PostgreSQL restarted.
 */
public final class Failures {
  /** SQLSTATE classes of an unavailable database: connection, resources, shutdown, conflicts. */
  private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "40", "53", "57", "58");

  private Failures() {}

  /** True if any cause in the chain is a transient kind. */
  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransientFailure
          || t instanceof PublishException
          || t instanceof RetriableException
          || t instanceof TimeoutException
          || t instanceof ConnectException
          || t instanceof SocketTimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof UnknownHostException
          || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().length() >= 2
          && TRANSIENT_SQL_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What makes two failures "the same": the exception types along the cause chain (messages carry
   * ids and times, so they are not compared).
   */
  public static String signature(Throwable failure) {
    List<String> types = new ArrayList<>();
    for (Throwable t = failure; t != null && types.size() < 10; t = t.getCause()) {
      types.add(t.getClass().getName());
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join("<-", types);
  }

  /** One line for a log or a parked record's reason: type and message of each cause. */
  public static String describe(Throwable failure) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = failure; t != null && out.length() < 2000; t = t.getCause()) {
      if (!out.isEmpty()) {
        out.append(" <- caused by ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        out.append(": ").append(t.getMessage());
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return out.toString();
  }

  /**
   * Marks an exception that says "the target is unavailable, try again later" (an outage, a rate
   * limit, an open breaker): the loop retries such a record without ever parking it.
   */
  public interface TransientFailure {}
}

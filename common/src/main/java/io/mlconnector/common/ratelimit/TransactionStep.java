package io.mlconnector.common.ratelimit;

import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.sql.SQLException;

/**
 * Runs database work beside the caller's transaction, not in it. Its own class so that tools
 * without a transaction manager on the class path never load the JTA types.
 */
final class TransactionStep {
  private TransactionStep() {}

  interface Work<T> {
    T run() throws SQLException;
  }

  static <T> T outside(TransactionManager tm, Work<T> work) throws SQLException {
    Transaction suspended;
    try {
      suspended = tm.getTransaction() != null ? tm.suspend() : null;
    } catch (SystemException e) {
      throw new SQLException("cannot step out of the caller's transaction", e);
    }
    try {
      return work.run();
    } finally {
      if (suspended != null) {
        try {
          tm.resume(suspended);
        } catch (InvalidTransactionException | SystemException e) {
          throw new IllegalStateException("cannot resume the caller's transaction", e);
        }
      }
    }
  }
}

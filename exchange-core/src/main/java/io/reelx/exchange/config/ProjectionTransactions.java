package io.reelx.exchange.config;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions for read-model projections: they commit without waiting for the WAL flush. A
 * projection's rows and its tracking token commit together, so a crash can only lose both, and
 * the processor then replays those events from the durable event store; meanwhile the fsync
 * budget stays with the commands, whose events are the system of record.
 */
final class ProjectionTransactions implements TransactionManager {

  private final TransactionManager delegate;
  private final JdbcTemplate jdbc;

  ProjectionTransactions(TransactionManager delegate, JdbcTemplate jdbc) {
    this.delegate = delegate;
    this.jdbc = jdbc;
  }

  @Override
  public Transaction startTransaction() {
    Transaction transaction = delegate.startTransaction();
    jdbc.execute("SET LOCAL synchronous_commit TO OFF");
    return transaction;
  }
}

package io.reelx.exchange.config;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon's JDBC event store that an append hit PostgreSQL's unique constraint on (aggregate,
 * sequence number): another command (on this node or another) appended first. Axon's default
 * resolver looks for {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL
 * driver never throws, so without this a lost race surfaced as a plain storage failure instead
 * of a {@code ConcurrencyException} that is retried or answered 409.
 */
public final class PostgresUniqueViolation implements PersistenceExceptionResolver {

  /** SQLState of {@code unique_violation}. */
  static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}

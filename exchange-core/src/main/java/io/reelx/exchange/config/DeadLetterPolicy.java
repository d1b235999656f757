package io.reelx.exchange.config;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures of a tracking group's handler become dead letters: those that would fail again
 * (bad data, a broken rule). A failure that passes (the database unreachable or restarting, a
 * deadlock, a lost race, a lock timeout) is not the event's fault: it is thrown on, so the batch is
 * rolled back and retried with the processor's back-off, and nothing is parked for an operator.
 */
final class DeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

  private static final int MAX_DIAGNOSTIC = 1000;

  @Override
  public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
    if (passing(cause)) {
      throw cause instanceof RuntimeException r ? r : new IllegalStateException("Retrying a passing failure", cause);
    }
    return Decisions.enqueue(ThrowableCause.truncated(cause, MAX_DIAGNOSTIC));
  }

  /** Whether anything in the cause chain says the failure will pass by itself. */
  static boolean passing(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientException
          || t instanceof SQLRecoverableException || t instanceof ConcurrencyException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57")
            || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }
}

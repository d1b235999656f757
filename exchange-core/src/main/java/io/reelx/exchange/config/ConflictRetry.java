package io.reelx.exchange.config;

import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

/**
 * Retries a command that lost an append race to another node: the failed unit of work has
 * evicted the aggregate from this node's cache, so the retry loads the current stream and decides
 * again. Only such races are retried, a few times and at once; refusals and a stale
 * {@code If-Match} version (a conflict the client must resolve) are answered as they are.
 */
public final class ConflictRetry implements RetryScheduler {

  private final int maxRetries;

  public ConflictRetry(int maxRetries) {
    this.maxRetries = maxRetries;
  }

  @Override
  public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
      List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
    if (failures.size() > maxRetries || !lostARace(lastFailure)) {
      return false;
    }
    commandDispatch.run();
    return true;
  }

  private static boolean lostARace(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConflictingModificationException) {
        return false;
      }
      if (t instanceof ConcurrencyException) {
        return true;
      }
    }
    return false;
  }
}

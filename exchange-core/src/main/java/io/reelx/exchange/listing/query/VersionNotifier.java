package io.reelx.exchange.listing.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes without polling. The projections say, once their transaction has committed,
 * which version each view reached (a listing, a registration, a bid); a reader that needs its own
 * write waits on its key until the view reaches the version its command produced, woken by that
 * commit instead of re-reading on a timer. Only keys someone waits for are held, so the notifier
 * stays empty on a quiet exchange.
 *
 * <p>The projections notify the node they run on: a reader on another node (several nodes share
 * the tracking processors' segments) is not woken and, after its timeout, answers from the
 * listing's stored events instead.
 */
@Component
public class VersionNotifier {

  private final ConcurrentHashMap<String, List<Waiter>> waiting = new ConcurrentHashMap<>();

  private record Waiter(long version, CompletableFuture<Void> reached) {}

  /** {@code key}'s view now reflects {@code version}: wakes whoever waits for it or an earlier one. */
  public void reached(String key, long version) {
    waiting.computeIfPresent(key, (k, waiters) -> {
      waiters.removeIf(w -> w.version() <= version && (w.reached().complete(null) || true));
      return waiters.isEmpty() ? null : waiters;
    });
  }

  /** {@link #reached} once the current unit of work has committed (at once outside one). */
  public void reachedOnCommit(String key, long version) {
    if (CurrentUnitOfWork.isStarted()) {
      CurrentUnitOfWork.get().afterCommit(u -> reached(key, version));
    } else {
      reached(key, version);
    }
  }

  /**
   * {@code read}'s value once it is {@code current}: at once if it already is, else when the key
   * reaches {@code version} (read again then), or at the latest after {@code timeout} (whatever
   * {@code read} gives then).
   */
  public <T> Optional<T> await(String key, long version, Duration timeout, Supplier<Optional<T>> read,
      Predicate<T> current) {
    Optional<T> value = read.get();
    if (value.filter(current).isPresent()) {
      return value;
    }
    Waiter waiter = new Waiter(version, new CompletableFuture<>());
    waiting.compute(key, (k, waiters) -> {
      List<Waiter> list = waiters == null ? new ArrayList<>() : waiters;
      list.add(waiter);
      return list;
    });
    try {
      // the view may have caught up between the first read and the registration
      value = read.get();
      if (value.filter(current).isPresent()) {
        return value;
      }
      try {
        waiter.reached().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // not woken in time: answer with what there is
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return read.get();
    } finally {
      waiting.computeIfPresent(key, (k, waiters) -> {
        waiters.remove(waiter);
        return waiters.isEmpty() ? null : waiters;
      });
    }
  }

  /** Keys someone is waiting for (for tests and diagnostics). */
  int waitingKeys() {
    return waiting.size();
  }

  static String listing(String id) {
    return "listing:" + id;
  }

  static String registration(String id) {
    return "registration:" + id;
  }

  static String bid(String id) {
    return "bid:" + id;
  }
}

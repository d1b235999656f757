package io.reelx.exchange.listing.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes without polling. The projections say, once their transaction has committed,
 * which version each view reached (a listing, a registration, a bid); a reader that needs its own
 * write waits on its key until the view reaches the version its command produced, woken by that
 * commit instead of re-reading on a timer. Only keys someone waits for are held, so the notifier
 * stays empty on a quiet exchange.
 *
 * <p>Several nodes share the tracking processors' segments, so the reader may be on another node
 * than the projection that serves its write: what a projection's transaction reached is also told
 * to the other nodes ({@link Peers}, on PostgreSQL {@link PgVersionChannel}) in that transaction,
 * and arrives there once it commits. A reader not woken (the channel was down) answers after its
 * timeout with what there is, as before.
 */
@Component
public class VersionNotifier {

  private static final String REACHED = VersionNotifier.class.getName() + ".reached";

  private final ConcurrentHashMap<String, List<Waiter>> waiting = new ConcurrentHashMap<>();

  private volatile Peers peers = reached -> {};

  /**
   * The other nodes: told, inside the transaction of the projection, the versions it reached
   * (key to version); they hear of it once that transaction commits.
   */
  @FunctionalInterface
  public interface Peers {
    void tell(Map<String, Long> reached);
  }

  /** Tells {@code peers} what this node's projections reach (none by default: one node alone). */
  void tellPeers(Peers peers) {
    this.peers = peers;
  }

  private record Waiter(long version, CompletableFuture<Void> reached) {}

  /** {@code key}'s view now reflects {@code version}: wakes whoever waits for it or an earlier one. */
  public void reached(String key, long version) {
    waiting.computeIfPresent(key, (k, waiters) -> {
      waiters.removeIf(w -> w.version() <= version && (w.reached().complete(null) || true));
      return waiters.isEmpty() ? null : waiters;
    });
  }

  /**
   * {@link #reached} once the current unit of work has committed (at once outside one), on this
   * node and on the others: the keys of one unit of work (a batch of a tracking processor) are told
   * to the peers together, with one statement in its transaction.
   */
  public void reachedOnCommit(String key, long version) {
    if (CurrentUnitOfWork.isStarted()) {
      reachedIn(CurrentUnitOfWork.get()).merge(key, version, Math::max);
    } else {
      peers.tell(Map.of(key, version));
      reached(key, version);
    }
  }

  private Map<String, Long> reachedIn(UnitOfWork<?> unitOfWork) {
    return unitOfWork.getOrComputeResource(REACHED, k -> {
      Map<String, Long> reached = new LinkedHashMap<>();
      unitOfWork.onPrepareCommit(u -> {
        if (!reached.isEmpty()) {
          peers.tell(reached);
        }
      });
      unitOfWork.afterCommit(u -> reached.forEach(this::reached));
      return reached;
    });
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
  public int waitingKeys() {
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

package io.reelx.exchange.identity.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import javax.sql.DataSource;

/**
 * When the logins this node remembers ({@link ReelxRealm}, {@link IdentityCache}) may have gone
 * stale. Every cached entry carries the {@link #generation()} it was read in and counts only while
 * that is still the current one.
 *
 * <p>The generation moves (a) at once on this node when one of its own transactions revokes a
 * token, disables or enables a user ({@link #changedHere()}), and (b) on every node when the
 * database's change counter moves: triggers bump it whenever a token, user, password, organisation
 * or login lock changes (migration V21), and each node reads it every {@code poll} (one indexed
 * row). A node whose last read is older than {@code max-stale} (the database unreachable, the
 * node stalled) trusts no cached entry at all, so a change made on any node is seen everywhere
 * within that bound (one second by default), whatever happens to the polling. The poller keeps
 * one connection of its own, so a pool busy with requests does not delay it past that bound (and
 * with it turn every request into a database read).
 */
@Component
public class IdentityChanges implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IdentityChanges.class);

  private final DataSource dataSource;
  private Connection connection;
  private final long pollNanos;
  private final long maxStaleNanos;
  private final AtomicLong generation = new AtomicLong();
  private volatile long version = Long.MIN_VALUE;
  /** System.nanoTime() until which cached entries may be trusted; none before the first read. */
  private volatile long trustedUntil = System.nanoTime() - 1;
  private volatile ScheduledExecutorService poller;

  public IdentityChanges(
      DataSource dataSource,
      @Value("${reelx.identity-cache.poll:PT0.2S}") Duration poll,
      @Value("${reelx.identity-cache.max-stale:PT1S}") Duration maxStale) {
    this.dataSource = dataSource;
    this.pollNanos = poll.toNanos();
    this.maxStaleNanos = maxStale.toNanos();
  }

  /** The current generation: read it before reading what is to be cached, and keep it with the entry. */
  public long generation() {
    return generation.get();
  }

  /** Whether an entry read in the given generation may still be used. */
  public boolean current(long entryGeneration) {
    return entryGeneration == generation.get() && System.nanoTime() - trustedUntil < 0;
  }

  /**
   * This node changed something cached entries depend on: once its transaction commits (at once
   * without one), every entry read before is dropped. Other nodes learn it from the counter.
   */
  public void changedHere() {
    generation.incrementAndGet();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          generation.incrementAndGet();
        }
      });
    }
  }

  /** One read of the counter, on the poller's own connection (taken anew after a failure). */
  synchronized void poll() throws SQLException {
    long started = System.nanoTime();
    long now;
    try {
      if (connection == null) {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
      }
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT version FROM identity_change WHERE id = 1")) {
        rs.next();
        now = rs.getLong(1);
      }
    } catch (SQLException | RuntimeException e) {
      closeConnection();
      throw e;
    }
    if (now != version) {
      generation.incrementAndGet();
      version = now;
    }
    // what was committed before this read started is now reflected in the generation
    trustedUntil = started + maxStaleNanos;
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (SQLException | RuntimeException e) {
      // cached entries stop counting once max-stale has passed; requests then read the database
      log.warn("Could not read the identity change counter: {}", e.toString());
    }
  }

  @Override
  public void start() {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "identity-changes");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::pollQuietly, 0, pollNanos, TimeUnit.NANOSECONDS);
    poller = executor;
  }

  @Override
  public void stop() {
    ScheduledExecutorService executor = poller;
    poller = null;
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    trustedUntil = System.nanoTime() - 1;
    closeConnection();
  }

  private synchronized void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // a broken connection: the pool discards it
      }
      connection = null;
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }
}

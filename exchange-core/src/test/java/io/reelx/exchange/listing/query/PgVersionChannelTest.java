package io.reelx.exchange.listing.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.reelx.exchange.testing.ProjectionDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes' channels on one PostgreSQL: what one node's transaction reached wakes the other
 * node's readers once it commits, never if it rolls back. Readers wait up to 60 seconds and must
 * be woken within 30 (only the notification can do that).
 */
class PgVersionChannelTest {

  private final HikariDataSource database = hikari();
  private final JdbcTemplate jdbc = new JdbcTemplate(database);
  private final TransactionTemplate transaction = new TransactionTemplate(new JdbcTransactionManager(database));
  private final VersionNotifier here = new VersionNotifier();
  private final VersionNotifier there = new VersionNotifier();
  private final PgVersionChannel telling = channel(here);
  private final PgVersionChannel listening = channel(there);

  @AfterEach
  void stop() {
    telling.stop();
    listening.stop();
    database.close();
  }

  @Test
  void what_a_transaction_reached_wakes_the_other_nodes_readers_when_it_commits() throws Exception {
    CompletableFuture<Optional<Boolean>> reader = waitThere("listing:L-1", 4);
    transaction.executeWithoutResult(status -> here.reachedOnCommit("listing:L-1", 4));
    assertThat(reader.get(30, TimeUnit.SECONDS)).as("woken, not timed out").contains(true);
  }

  @Test
  void a_rolled_back_transaction_tells_nobody() throws Exception {
    CompletableFuture<Optional<Boolean>> reader = waitThere("listing:L-2", 1);
    transaction.executeWithoutResult(status -> {
      telling.tell(Map.of("listing:L-2", 1L));
      status.setRollbackOnly();
    });
    // a later commit on another key arrives after the rolled-back one would have
    CompletableFuture<Optional<Boolean>> later = waitThere("listing:L-3", 1);
    transaction.executeWithoutResult(status -> telling.tell(Map.of("listing:L-3", 1L)));
    assertThat(later.get(30, TimeUnit.SECONDS)).contains(true);
    assertThat(reader).as("the rolled-back report woke nobody").isNotDone();
  }

  @Test
  void a_report_longer_than_one_notification_arrives_whole() throws Exception {
    Map<String, Long> reached = new LinkedHashMap<>();
    IntStream.range(0, 1000).forEach(i -> reached.put("registration:" + "r".repeat(30) + i, 7L));
    String last = "registration:" + "r".repeat(30) + 999;
    CompletableFuture<Optional<Boolean>> first = waitThere("registration:" + "r".repeat(30) + 0, 7);
    CompletableFuture<Optional<Boolean>> lastOne = waitThere(last, 7);
    transaction.executeWithoutResult(status -> telling.tell(reached));
    assertThat(first.get(30, TimeUnit.SECONDS)).contains(true);
    assertThat(lastOne.get(30, TimeUnit.SECONDS)).contains(true);
  }

  @Test
  void stopping_ends_the_listener_and_its_connection() throws Exception {
    listening.stop();
    assertThat(listening.isRunning()).isFalse();
    List<String> left = jdbc.queryForList("SELECT application_name FROM pg_stat_activity"
        + " WHERE application_name = 'reelx-versions-listener'", String.class);
    for (int i = 0; i < 300 && left.size() > 1; i++) {
      Thread.sleep(100);
      left = jdbc.queryForList("SELECT application_name FROM pg_stat_activity"
          + " WHERE application_name = 'reelx-versions-listener'", String.class);
    }
    assertThat(left).as("only the telling node's listener is left").hasSize(1);
  }

  /**
   * A reader on the other node, waiting (up to a minute) for {@code key} to reach {@code version}:
   * its view is behind when it looks (twice: before and after it starts waiting) and current when
   * it looks again, which it does only when woken or timed out.
   */
  private CompletableFuture<Optional<Boolean>> waitThere(String key, long version) throws InterruptedException {
    int before = there.waitingKeys();
    AtomicInteger reads = new AtomicInteger();
    CompletableFuture<Optional<Boolean>> reader = CompletableFuture.supplyAsync(() -> there.await(key, version,
        Duration.ofSeconds(60), () -> Optional.of(reads.incrementAndGet() > 2), current -> current));
    for (int i = 0; i < 3000 && there.waitingKeys() == before; i++) {
      Thread.sleep(10);
    }
    assertThat(there.waitingKeys()).isEqualTo(before + 1);
    return reader;
  }

  private PgVersionChannel channel(VersionNotifier notifier) {
    PgVersionChannel channel = new PgVersionChannel(notifier, jdbc, database, new MockEnvironment());
    channel.start();
    return channel;
  }

  private static HikariDataSource hikari() {
    try (Connection c = ProjectionDatabase.get().dataSource().getConnection()) {
      HikariDataSource hikari = new HikariDataSource();
      hikari.setJdbcUrl(c.getMetaData().getURL());
      hikari.setUsername("postgres");
      hikari.setMaximumPoolSize(2);
      return hikari;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}

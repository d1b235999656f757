package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.config.ReadModelRebuild;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A rebuild leaves every read model exactly as the live projections left it: a small market (the
 * demo's organisations, users, titles, holdings, sales and an ACTIVE licence with its rights grant,
 * plus an auction with registrations and bids) is projected live, every read-model table is
 * copied, then damaged (emptied, or for the identity register's tables, which credentials and
 * tokens refer to, altered), and the rebuild must bring each back row for row. A projection left
 * out of the rebuild leaves its table damaged.
 */
class ReadModelRebuildTest {

  private static final String PASSWORD = "rebuild-admin-password";
  private static final Duration BOUND = Duration.ofSeconds(120);

  /** Every read-model table and its key, the order its rows are compared in. */
  private static final Map<String, String> TABLES = tables();

  private static Map<String, String> tables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("listing_view", "id");
    tables.put("registration_view", "id");
    tables.put("bid_view", "id");
    tables.put("title", "id");
    tables.put("holding", "id");
    tables.put("rights_grant", "contract_id");
    tables.put("contract_view", "id");
    tables.put("organization", "id");
    tables.put("app_user", "id");
    return tables;
  }

  @Test
  void a_rebuild_brings_every_read_model_back_row_for_row(@TempDir Path data) throws Exception {
    try (ConfigurableApplicationContext app = start(data)) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      Market market = new Market(port, PASSWORD).withTitle();
      Http alpha = market.platform("Alpha");
      Http beta = market.platform("Beta");
      Market.Opening opening = market.auctionOpeningSoon(Duration.ofMinutes(30), 60, id -> {
        market.qualify(alpha, id);
        market.qualify(beta, id);
      });
      ConcurrentBiddingTest.waitUntil(opening.start().plusMillis(200));
      long amount = 1000;
      for (Http bidder : List.of(alpha, beta, alpha)) {
        Http.Response bid = bidder.post("/api/v1/listings/" + opening.listing() + "/bids",
            Map.of("amount", amount, "currency", "CNY"));
        assertThat(bid.status()).as(bid.body()).isEqualTo(201);
        amount += 100;
      }
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      // the log may still grow a little (a demo sale opening on its deadline): rebuild on a quiet one
      for (int attempt = 1; ; attempt++) {
        long head = awaitProjections(app);
        Map<String, List<String>> live = snapshot(jdbc);
        assertThat(live.get("bid_view")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(live.get("contract_view")).isNotEmpty();
        assertThat(live.get("rights_grant")).isNotEmpty();
        assertThat(live.get("holding")).isNotEmpty();
        damage(jdbc);
        ReadModelRebuild.Report report = app.getBean(ReadModelRebuild.class).rebuild(BOUND);
        Map<String, List<String>> rebuilt = snapshot(jdbc);
        if (headPosition(app) != head && attempt < 5) {
          continue;
        }
        assertThat(report.events()).isEqualTo(head + 1);
        for (String table : TABLES.keySet()) {
          assertThat(rebuilt.get(table)).as("%s rebuilt", table).containsExactlyElementsOf(live.get(table));
        }
        return;
      }
    }
  }

  private static Map<String, List<String>> snapshot(JdbcTemplate jdbc) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    TABLES.forEach((table, key) -> rows.put(table,
        jdbc.queryForList("SELECT t::text FROM " + table + " t ORDER BY " + key, String.class).stream()
            .map(ReadModelRebuildTest::toMillis).toList()));
    return rows;
  }

  private static final Pattern TIME = Pattern.compile("(\\d\\d:\\d\\d:\\d\\d)(?:\\.(\\d+))?(\\+00|Z)");

  /**
   * Times at the event log's precision, milliseconds: a register written live, in the command's
   * transaction, is handed the event's timestamp before it is stored, to the microsecond.
   */
  private static String toMillis(String row) {
    return TIME.matcher(row).replaceAll(m -> {
      String fraction = m.group(2) == null ? "" : m.group(2);
      return m.group(1) + "." + (fraction + "000").substring(0, 3) + m.group(3);
    });
  }

  /** Every table emptied, or (those that credentials, tokens and sessions refer to) altered. */
  private static void damage(JdbcTemplate jdbc) {
    jdbc.execute("TRUNCATE listing_view, registration_view, bid_view, contract_view, title, holding, rights_grant");
    jdbc.execute("UPDATE organization SET name = name || ' (stale)', country = 'ZZ'");
    jdbc.execute("UPDATE app_user SET display_name = display_name || ' (stale)', roles = '{}',"
        + " disabled_at = now()");
  }

  private static long awaitProjections(ConfigurableApplicationContext app) throws InterruptedException {
    EventProcessingConfiguration processing = app.getBean(EventProcessingConfiguration.class);
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (true) {
      long head = headPosition(app);
      boolean behind = processing.eventProcessors().values().stream()
          .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast)
          .anyMatch(p -> p.processingStatus().isEmpty() || p.processingStatus().values().stream()
              .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head));
      if (!behind && headPosition(app) == head) {
        return head;
      }
      assertThat(System.nanoTime()).as("waited %s for the projections to catch up", BOUND).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static long headPosition(ConfigurableApplicationContext app) {
    var head = app.getBean(EventStore.class).createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }

  private static ConfigurableApplicationContext start(Path data) {
    return new SpringApplicationBuilder(ReelxApplication.class).profiles("demo").run("--server.port=0",
        "--reelx.data-dir=" + data, "--reelx.embedded-postgres.fsync=false", "--reelx.admin.password=" + PASSWORD,
        "--reelx.auction.min-timed-period-seconds=1", "--reelx.demo.live-auction.free-period=PT30M");
  }
}

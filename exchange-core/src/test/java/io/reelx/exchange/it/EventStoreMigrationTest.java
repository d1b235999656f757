package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.eventstore.LoopbackKurrentServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The migration command moves an exchange from PostgreSQL into EventStoreDB: after it, the
 * exchange started on the EventStoreDB engine loads the same aggregates (a command on an existing
 * listing continues its stream) and its tracking processors rebuild the same read models.
 */
class EventStoreMigrationTest {

  private static final String PASSWORD = "migration-admin-password";

  @Test
  void a_postgresql_store_moves_into_eventstoredb_with_the_same_aggregates_and_read_models(@TempDir Path data) throws Exception {
    try (LoopbackKurrentServer kurrent = LoopbackKurrentServer.start()) {
      String listing;
      long version;
      List<Map<String, Object>> listingViews;
      List<Map<String, Object>> registrationViews;
      try (ConfigurableApplicationContext before = start(data)) {
        Market market = new Market(port(before), PASSWORD).withTitle();
        Instant begin = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        listing = market.announcedAuction(begin, begin.plusSeconds(3600), 300);
        market.qualify(market.platform("Migrating platform"), listing);
        market.draftListing();
        Http.Response read = market.admin.get("/api/v1/listings/" + listing);
        version = Long.parseLong(read.etag().replace("\"", ""));
        ReadModels.awaitCaughtUp(before, Duration.ofMinutes(1));
        listingViews = rows(before, "SELECT id, document::text AS d FROM listing_view ORDER BY id");
        registrationViews = rows(before, "SELECT * FROM registration_view ORDER BY id");
      }
      assertThat(listingViews).hasSize(2);

      try (ConfigurableApplicationContext migration = start(data, "--spring.main.web-application-type=none",
          "--reelx.migrate-to-eventstoredb=true", "--reelx.migration.exit=false",
          "--reelx.eventstoredb.connection-string=" + kurrent.connectionString())) {
        assertThat(rows(migration, "SELECT id FROM listing_view")).as("read models reset for the rebuild").isEmpty();
      }
      assertThat(kurrent.size()).as("records in the new store").isGreaterThan(10);

      try (ConfigurableApplicationContext after = start(data, "--reelx.event-store=eventstoredb",
          "--reelx.eventstoredb.connection-string=" + kurrent.connectionString())) {
        List<Map<String, Object>> rebuilt = List.of();
        for (int i = 0; i < 200 && !rebuilt.equals(listingViews); i++) {
          Thread.sleep(100);
          rebuilt = rows(after, "SELECT id, document::text AS d FROM listing_view ORDER BY id");
        }
        assertThat(rebuilt).as("listing read model rebuilt from EventStoreDB").isEqualTo(listingViews);
        List<Map<String, Object>> registrations = List.of();
        for (int i = 0; i < 100 && !registrations.equals(registrationViews); i++) {
          registrations = rows(after, "SELECT * FROM registration_view ORDER BY id");
          Thread.sleep(100);
        }
        assertThat(registrations).as("registrations rebuilt").isEqualTo(registrationViews);

        Http admin = Http.basic(port(after), "admin", PASSWORD);
        Http.Response suspended = admin.post("/api/v1/listings/" + listing + "/suspend", Map.of("reason", "audit"),
            Map.of("If-Match", "\"" + version + "\""));
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.etag()).as("the stream continues where PostgreSQL left it").isEqualTo("\"" + (version + 1) + "\"");
        assertThat(after.getBean(JdbcClient.class).sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
            .param(listing).query(Long.class).single()).as("the new event went to EventStoreDB")
            .isEqualTo(version + 1);
      }
    }
  }

  private static List<Map<String, Object>> rows(ConfigurableApplicationContext context, String sql) {
    return new ArrayList<>(context.getBean(JdbcClient.class).sql(sql).query().listOfRows());
  }

  private static ConfigurableApplicationContext start(Path data, String... extra) {
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--reelx.data-dir=" + data,
        "--reelx.embedded-postgres.fsync=false", "--reelx.admin.password=" + PASSWORD));
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(ReelxApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}

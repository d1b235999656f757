package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelx.exchange.ReelxApplication;
import io.reelx.exchange.eventstore.LoopbackKurrentServer;
import io.reelx.exchange.listing.query.ListingView;
import io.reelx.exchange.listing.query.ListingViews;
import io.reelx.exchange.listing.query.VersionNotifier;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Read-your-writes across nodes (issue 15): a write through node A whose read model is projected
 * on node B wakes A's waiting reader through PostgreSQL's notifications, on either event store
 * (the projections run in PostgreSQL with both). The reader here waits up to 60 seconds; it must
 * be back within 30: only the notification can wake it before its timeout (without it, this fails
 * after 30 seconds), and 30 seconds is ample time for a busy machine to project one event.
 */
class TwoNodesReadYourWritesTest {

  private static final String PASSWORD = "two-nodes-admin-password";

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "eventstoredb"})
  void a_reader_on_one_node_is_woken_by_the_projection_on_the_other(String store) throws Exception {
    try (LoopbackKurrentServer kurrent = store.equals("eventstoredb") ? LoopbackKurrentServer.start() : null;
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        // node B starts first and takes the listing view's only segment; A never gets a share of one
        ConfigurableApplicationContext b = start(postgres, kurrent, "node-b")) {
      JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
      waitForListingViewOwnedBy(jdbc, "node-b");
      try (ConfigurableApplicationContext a = start(postgres, kurrent, "node-a")) {
        Market market = new Market(port(a), PASSWORD).withTitle();
        String listing = market.draftListing();
        long submitted = a.getBean(ListingViews.class).currentVersion(listing) + 1;

        VersionNotifier notifierOnA = a.getBean(VersionNotifier.class);
        CompletableFuture<Optional<ListingView>> reader = CompletableFuture.supplyAsync(
            () -> a.getBean(ListingViews.class).awaitVersion(listing, submitted, Duration.ofSeconds(60)));
        for (int i = 0; i < 300 && notifierOnA.waitingKeys() == 0; i++) {
          Thread.sleep(100);
        }
        assertThat(notifierOnA.waitingKeys()).as("the reader on node A waits for the submission").isEqualTo(1);

        long sent = System.nanoTime();
        assertThat(market.holder.post("/api/v1/listings/" + listing + "/submit", null).status()).isEqualTo(200);

        Optional<ListingView> read = reader.get(30, TimeUnit.SECONDS);
        System.out.printf("%s: the reader on node A was woken %d ms after the submission was sent%n", store,
            Duration.ofNanos(System.nanoTime() - sent).toMillis());
        assertThat(read).as("read on node A, woken well before its timeout").isPresent();
        assertThat(read.get().version()).isGreaterThanOrEqualTo(submitted);
        assertThat(read.get().status().name()).isEqualTo("SUBMITTED");
        assertThat(owners(jdbc)).as("projected on node B only").containsExactly("node-b");
      }
    }
  }

  private static void waitForListingViewOwnedBy(JdbcClient jdbc, String node) throws InterruptedException {
    for (int i = 0; i < 600 && !owners(jdbc).equals(List.of(node)); i++) {
      Thread.sleep(100);
    }
    assertThat(owners(jdbc)).containsExactly(node);
  }

  private static List<String> owners(JdbcClient jdbc) {
    return jdbc.sql("SELECT DISTINCT COALESCE(owner, '-') FROM tokenentry WHERE processorname = 'listing-view'")
        .query(String.class).list();
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, LoopbackKurrentServer kurrent,
      String nodeId) {
    List<String> args = new ArrayList<>(List.of("--server.port=0",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres", "--spring.datasource.password=",
        "--reelx.admin.password=" + PASSWORD, "--reelx.node-id=" + nodeId,
        "--axon.eventhandling.processors.listing-view.initial-segment-count=1",
        "--axon.eventhandling.processors.listing-view.token-claim-interval=1000",
        // to see this test fail without the notifications: -Dreelx.versions.cross-node=false
        "--reelx.versions.cross-node=" + System.getProperty("reelx.versions.cross-node", "true")));
    if (kurrent != null) {
      args.add("--reelx.event-store=eventstoredb");
      args.add("--reelx.eventstoredb.connection-string=" + kurrent.connectionString());
    }
    return new SpringApplicationBuilder(ReelxApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}

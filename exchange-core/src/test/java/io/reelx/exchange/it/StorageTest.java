package io.reelx.exchange.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class StorageTest extends IntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired EventProcessingConfiguration processing;
  @Autowired org.axonframework.common.caching.Cache aggregateCache;

  @Autowired org.axonframework.serialization.Serializer serializer;

  @Test
  void a_replay_token_goes_through_the_token_store_serializer_and_back() {
    org.axonframework.eventhandling.TrackingToken replay = org.axonframework.eventhandling.ReplayToken
        .createReplayToken(org.axonframework.eventhandling.GapAwareTrackingToken.newInstance(42, java.util.List.of(40L)),
            null);
    assertThat(replay).isInstanceOf(org.axonframework.eventhandling.ReplayToken.class);
    org.axonframework.serialization.SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);
    assertThat((Object) serializer.deserialize(stored)).isEqualTo(replay);
  }

  @Autowired org.axonframework.eventsourcing.eventstore.EventStorageEngine storageEngine;

  @Test
  void events_are_stored_in_postgresql_as_json_with_axons_timestamps() {
    assertThat(storageEngine).isInstanceOf(io.reelx.exchange.eventstore.PostgresEventStorageEngine.class);
    Market market = market().withTitle();
    String payload = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry"
            + " WHERE aggregateidentifier = ? AND sequencenumber = 0")
        .param(market.titleId).query(String.class).single();
    assertThat(payload).startsWith("{").contains("\"name\":\"Title of " + market.holderName + "\"");
    String timestamp = jdbc.sql("SELECT timestamp FROM domainevententry"
            + " WHERE aggregateidentifier = ? AND sequencenumber = 0")
        .param(market.titleId).query(String.class).single();
    assertThat(timestamp).isEqualTo(org.axonframework.common.DateTimeUtils.formatInstant(
        org.axonframework.common.DateTimeUtils.parseInstant(timestamp)));
  }

  @Test
  void a_long_stream_is_snapshotted_so_no_command_replays_it() {
    Market market = market().withTitle();
    for (int i = 0; i < 12; i++) {
      Http.Response holding = market.holder.post("/api/v1/titles/" + market.titleId + "/holdings", Map.of(
          "territories", java.util.List.of("JP"), "media", java.util.List.of("SVOD"), "languages",
          java.util.List.of("ja"), "termStart", "2026-01-01", "termEnd", "2027-12-31", "exclusive", false,
          "sublicensable", false, "evidenceSha256", "b".repeat(64)));
      assertThat(holding.status()).isEqualTo(201);
    }
    // snapshots are taken asynchronously after the triggering unit of work
    long snapshots = 0;
    for (int attempt = 0; attempt < 100 && snapshots == 0; attempt++) {
      snapshots = jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
          .param(market.titleId).query(Long.class).single();
      sleep(50);
    }
    assertThat(snapshots).isPositive();
    String snapshot = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM snapshotevententry"
            + " WHERE aggregateidentifier = ? ORDER BY sequencenumber DESC LIMIT 1")
        .param(market.titleId).query(String.class).single();
    assertThat(snapshot).as("the snapshot holds the aggregate's state")
        .contains("\"owner\"").contains(market.titleId);

    aggregateCache.removeAll();
    Http.Response afterReload = market.holder.post("/api/v1/titles/" + market.titleId + "/holdings", Map.of(
        "territories", java.util.List.of("KR"), "media", java.util.List.of("SVOD"), "languages",
        java.util.List.of("ko"), "termStart", "2026-01-01", "termEnd", "2027-12-31", "exclusive", false,
        "sublicensable", false, "evidenceSha256", "c".repeat(64)));
    assertThat(afterReload.status()).as("a command on the aggregate loaded from its snapshot: " + afterReload.body())
        .isEqualTo(201);
    Http.Response stranger = market().holder.post("/api/v1/titles/" + market.titleId + "/holdings", Map.of(
        "territories", java.util.List.of("KR"), "media", java.util.List.of("SVOD"), "languages",
        java.util.List.of("ko"), "termStart", "2026-01-01", "termEnd", "2027-12-31", "exclusive", false,
        "sublicensable", false, "evidenceSha256", "c".repeat(64)));
    assertThat(stranger.status()).as("the reloaded aggregate still knows its owner").isEqualTo(404);
  }

  @Test
  void the_listing_read_model_is_a_tracking_processor_with_its_token_in_postgresql_and_a_dead_letter_queue() {
    Market market = market().withTitle();
    market.draftListing();
    assertThat(processing.eventProcessor("listing-view", TrackingEventProcessor.class)).isPresent();
    assertThat(processing.deadLetterQueue("listing-view")).isPresent();
    assertThat(jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = 'listing-view'")
        .query(Long.class).single()).isPositive();
  }

  @Test
  void api_tokens_authenticate_as_bearer_and_are_stored_only_as_hashes() {
    Market market = market();
    Http.Response token = market.holder.post("/api/v1/me/tokens", Map.of("name", "ci"));
    assertThat(token.status()).isEqualTo(201);
    String secret = token.get("token");

    Http.Response me = Http.bearer(port, secret).get("/api/v1/me");

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.get("username")).isEqualTo(market.holderName);
    assertThat(Http.bearer(port, secret + "x").get("/api/v1/me").status()).isEqualTo(401);
    assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE token_sha256 = ?").param(secret)
        .query(Long.class).single()).isZero();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

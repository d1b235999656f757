package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine contract on {@link KurrentEventStorageEngine} against the loopback KurrentDB server,
 * through the official client, plus what is particular to KurrentDB: stream names and revisions,
 * the record layout, and records the engine must skip. A small batch size makes every read cross
 * batch boundaries.
 */
class KurrentEventStorageEngineTest extends EventStorageEngineContract {

  private LoopbackKurrentServer server;
  private KurrentDBClient client;
  private KurrentEventStorageEngine engine;

  @BeforeAll
  void startServer() {
    server = LoopbackKurrentServer.start();
    client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(server.connectionString()));
    engine = KurrentEventStorageEngine.builder()
        .client(client)
        .batchSize(7)
        .eventSerializer(SERIALIZER)
        .snapshotSerializer(SERIALIZER)
        .build();
  }

  @AfterAll
  void stopServer() throws Exception {
    client.shutdown().get();
    server.close();
  }

  @Override
  protected EventStorageEngine engine() {
    return engine;
  }

  @Test
  void an_aggregate_has_one_stream_named_after_it_with_revision_equal_to_sequence() throws Exception {
    String id = newId();
    List<DomainEventMessage<?>> appended = events(id, 0, 3, MetaData.with("correlationId", "corr-5")
        .and("causationId", "cause-5"));
    engine.appendEvents(appended);

    List<ResolvedEvent> raw = client.readStream("reelx-" + id, ReadStreamOptions.get()).get().getEvents();

    assertThat(raw).hasSize(3);
    for (int i = 0; i < 3; i++) {
      RecordedEvent record = raw.get(i).getOriginalEvent();
      assertThat(record.getRevision()).isEqualTo(i);
      assertThat(record.getEventId().toString()).isEqualTo(appended.get(i).getIdentifier());
      assertThat(record.getEventType()).isEqualTo(ThingHappened.class.getName());
      assertThat(record.getContentType()).isEqualTo("application/json");
      assertThat(new String(record.getEventData(), StandardCharsets.UTF_8))
          .contains("\"note\":\"note " + i + "\"");
      JsonNode metadata = JsonMapper.builder().build().readTree(record.getUserMetadata());
      assertThat(metadata.path("$correlationId").asString()).isEqualTo("corr-5");
      assertThat(metadata.path("$causationId").asString()).isEqualTo("cause-5");
      assertThat(metadata.path("axon").path("aggregateType").asString()).isEqualTo("Thing");
      assertThat(metadata.path("axon").path("sequenceNumber").asLong()).isEqualTo(i);
      assertThat(metadata.path("metaData").path("correlationId").asString()).isEqualTo("corr-5");
    }
  }

  @Test
  void snapshots_have_a_stream_of_their_own() throws Exception {
    String id = newId();
    engine.appendEvents(events(id, 0, 2, MetaData.emptyInstance()));
    engine.storeSnapshot(snapshot(id, 1));

    List<ResolvedEvent> raw = client.readStream("reelx.snapshot-" + id, ReadStreamOptions.get())
        .get().getEvents();
    assertThat(raw).hasSize(1);
    assertThat(raw.get(0).getOriginalEvent().getEventType()).isEqualTo(ThingState.class.getName());
    assertThat(client.getStreamMetadata("reelx.snapshot-" + id).get().getMaxCount())
        .isEqualTo(KurrentEventStorageEngine.SNAPSHOTS_KEPT);
  }

  @Test
  void system_records_and_foreign_streams_are_not_tracked() throws Exception {
    TrackingToken before = engine.createHeadToken();
    client.appendToStream("$stats-127.0.0.1:2113",
        EventDataBuilder.json("$statsCollected", "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
    client.appendToStream("billing-42",
        EventDataBuilder.json("InvoiceSent", "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
    client.appendToStream("reelx-odd",
        EventDataBuilder.json("$metadata", "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
    String id = newId();
    engine.appendEvents(events(id, 0, 1, MetaData.emptyInstance()));

    assertThat(tracked(before)).hasSize(1);
    assertThat(tracked(engine.createTailToken())).noneMatch(e -> e.getPayload() == null);
  }

  @Test
  void tokens_survive_the_token_store_serializer() {
    for (TrackingToken token : List.of(KurrentPositionToken.TAIL, engine.createHeadToken(),
        new KurrentPositionToken(1234, 1200))) {
      var serialized = SERIALIZER.serialize(token, byte[].class);
      assertThat(new String(serialized.getData(), StandardCharsets.UTF_8))
          .doesNotContain("tail").doesNotContain("position\"");
      TrackingToken back = SERIALIZER.deserialize(serialized);
      assertThat(back).isEqualTo(token);
    }
  }

  @Test
  void the_tail_token_lies_before_the_first_record() {
    assertThat(engine.createTailToken()).isEqualTo(KurrentPositionToken.TAIL);
    assertThat(engine.createHeadToken().covers(KurrentPositionToken.TAIL)).isTrue();
    assertThat(KurrentPositionToken.TAIL.covers(null)).isTrue();
  }
}

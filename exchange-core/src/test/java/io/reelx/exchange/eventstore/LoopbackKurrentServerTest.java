package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The loopback server answers the official client as a KurrentDB node would. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoopbackKurrentServerTest {

  private LoopbackKurrentServer server;
  private KurrentDBClient client;

  @BeforeAll
  void start() {
    server = LoopbackKurrentServer.start();
    client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(server.connectionString()));
  }

  @AfterAll
  void stop() throws Exception {
    client.shutdown().get();
    server.close();
  }

  @Test
  void expected_states_are_checked_and_a_mismatch_writes_nothing() throws Exception {
    String stream = "s-" + UUID.randomUUID();
    assertWrongVersion(stream, StreamState.streamExists());
    assertWrongVersion(stream, StreamState.streamRevision(0));

    WriteResult created = append(stream, StreamState.noStream(), 2);
    assertThat(created.getNextExpectedRevision().toRawLong()).isEqualTo(1);
    assertThat(created.getLogPosition()).isNotNull();

    assertWrongVersion(stream, StreamState.noStream());
    assertWrongVersion(stream, StreamState.streamRevision(0));
    assertThat(append(stream, StreamState.streamRevision(1), 1).getNextExpectedRevision().toRawLong())
        .isEqualTo(2);
    assertThat(append(stream, StreamState.streamExists(), 1).getNextExpectedRevision().toRawLong())
        .isEqualTo(3);
    assertThat(append(stream, StreamState.any(), 1).getNextExpectedRevision().toRawLong())
        .isEqualTo(4);
    assertThat(read(stream, ReadStreamOptions.get())).extracting(RecordedEvent::getRevision)
        .containsExactly(0L, 1L, 2L, 3L, 4L);
  }

  @Test
  void a_wrong_expected_version_reports_the_actual_revision() throws Exception {
    String stream = "s-" + UUID.randomUUID();
    append(stream, StreamState.noStream(), 3);
    WrongExpectedVersionException wrong = wrongVersion(stream, StreamState.streamRevision(0));
    assertThat(wrong.getActualState().toRawLong()).isEqualTo(2);
    assertThat(wrong.getExpectedState().toRawLong()).isEqualTo(0);
    assertThat(wrongVersion("s-" + UUID.randomUUID(), StreamState.streamExists()).getActualState())
        .isInstanceOf(StreamState.NoStreamState.class);
  }

  @Test
  void reading_an_unknown_stream_is_stream_not_found() {
    assertThatThrownBy(() -> client.readStream("nobody-" + UUID.randomUUID(), ReadStreamOptions.get()).get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(StreamNotFoundException.class);
  }

  @Test
  void streams_read_forwards_and_backwards_from_a_revision_with_a_max_count() throws Exception {
    String stream = "s-" + UUID.randomUUID();
    append(stream, StreamState.noStream(), 6);
    assertThat(read(stream, ReadStreamOptions.get().fromRevision(2).maxCount(3)))
        .extracting(RecordedEvent::getRevision).containsExactly(2L, 3L, 4L);
    assertThat(read(stream, ReadStreamOptions.get().backwards().fromEnd().maxCount(2)))
        .extracting(RecordedEvent::getRevision).containsExactly(5L, 4L);
    assertThat(read(stream, ReadStreamOptions.get().backwards().fromRevision(1)))
        .extracting(RecordedEvent::getRevision).containsExactly(1L, 0L);
    assertThat(read(stream, ReadStreamOptions.get().fromEnd())).isEmpty();
  }

  @Test
  void all_is_ordered_by_global_position_and_readable_from_a_position() throws Exception {
    String a = "a-" + UUID.randomUUID();
    String b = "b-" + UUID.randomUUID();
    append(a, StreamState.any(), 1);
    append(b, StreamState.any(), 2);
    append(a, StreamState.any(), 1);

    List<RecordedEvent> all = readAll(ReadAllOptions.get().fromStart());
    assertThat(all.get(0).getStreamId()).isEqualTo("$epochs");
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i).getPosition()).isGreaterThan(all.get(i - 1).getPosition());
    }
    List<String> tail = all.subList(all.size() - 4, all.size()).stream().map(RecordedEvent::getStreamId).toList();
    assertThat(tail).containsExactly(a, b, b, a);

    Position third = all.get(all.size() - 2).getPosition();
    assertThat(readAll(ReadAllOptions.get().fromPosition(third)))
        .extracting(RecordedEvent::getStreamId).containsExactly(b, a);
    assertThat(readAll(ReadAllOptions.get().backwards().fromPosition(third).maxCount(2)))
        .extracting(RecordedEvent::getStreamId).containsExactly(b, a);
    assertThat(readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1)))
        .extracting(RecordedEvent::getStreamId).containsExactly(a);
  }

  @Test
  void a_client_discovering_through_gossip_finds_the_node() throws Exception {
    KurrentDBClient discovering = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
        "kurrentdb+discover://127.0.0.1:" + server.port() + "?tls=false&nodePreference=leader"));
    try {
      String stream = "g-" + UUID.randomUUID();
      discovering.appendToStream(stream, EventDataBuilder.json("Tested", "{}".getBytes(StandardCharsets.UTF_8))
          .build()).get();
      assertThat(read(stream, ReadStreamOptions.get())).hasSize(1);
    } finally {
      discovering.shutdown().get();
    }
  }

  private WriteResult append(String stream, StreamState expected, int count) throws Exception {
    EventData[] events = new EventData[count];
    for (int i = 0; i < count; i++) {
      events[i] = EventDataBuilder.json("Tested", ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8))
          .build();
    }
    return client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), events).get();
  }

  private void assertWrongVersion(String stream, StreamState expected) throws Exception {
    int before = server.size();
    wrongVersion(stream, expected);
    assertThat(server.size()).isEqualTo(before);
  }

  private WrongExpectedVersionException wrongVersion(String stream, StreamState expected) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> append(stream, expected, 1));
    assertThat(thrown).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WrongExpectedVersionException.class);
    return (WrongExpectedVersionException) thrown.getCause();
  }

  private List<RecordedEvent> read(String stream, ReadStreamOptions options) throws Exception {
    return client.readStream(stream, options).get().getEvents().stream()
        .map(e -> e.getOriginalEvent()).toList();
  }

  private List<RecordedEvent> readAll(ReadAllOptions options) throws Exception {
    return client.readAll(options).get().getEvents().stream().map(e -> e.getOriginalEvent()).toList();
  }
}

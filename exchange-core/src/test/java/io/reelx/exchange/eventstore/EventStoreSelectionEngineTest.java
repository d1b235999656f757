package io.reelx.exchange.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with {@code reelx.event-store=eventstoredb}, on the loopback KurrentDB
 * server: commands store their events in KurrentDB streams, not in PostgreSQL's event table, and
 * the audit trail reads them back through Axon's event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventStoreSelectionEngineTest {

  private static final String ADMIN_PASSWORD = "selection-admin-password";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final LoopbackKurrentServer SERVER = LoopbackKurrentServer.start();

  @Value("${local.server.port}") int port;
  @Autowired EventStorageEngine engine;
  @Autowired KurrentDBClient client;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) throws IOException {
    String dataDir = Files.createTempDirectory("reelx-esdb-").toString();
    registry.add("reelx.data-dir", () -> dataDir);
    registry.add("reelx.embedded-postgres.fsync", () -> "false");
    registry.add("reelx.admin.password", () -> ADMIN_PASSWORD);
    registry.add("reelx.event-store", () -> "eventstoredb");
    registry.add("reelx.eventstoredb.connection-string", SERVER::connectionString);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    SERVER.close();
  }

  @Test
  void eventstoredb_selected_puts_the_events_in_kurrentdb_streams() throws Exception {
    assertThat(engine).isInstanceOf(KurrentEventStorageEngine.class);

    HttpResponse<String> created = post("/api/v1/organizations",
        "{\"name\":\"Holder on Kurrent\",\"kind\":\"RIGHTS_HOLDER\",\"country\":\"CN\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JsonMapper.builder().build().readTree(created.body()).path("id").asString();

    List<RecordedEvent> stream = client.readStream("reelx-" + id, ReadStreamOptions.get()).get()
        .getEvents().stream().map(e -> e.getOriginalEvent()).toList();
    assertThat(stream).isNotEmpty();
    assertThat(stream.get(0).getRevision()).isZero();
    assertThat(jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single()).isZero();

    HttpResponse<String> audit = get("/api/v1/audit/" + id + "/events");
    assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
    // tracking processors keep their place in $all in PostgreSQL's token store
    List<String> tokens = List.of();
    for (int attempt = 0; attempt < 50 && tokens.isEmpty(); attempt++) {
      tokens = jdbc.sql("SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE token IS NOT NULL")
          .query(String.class).list();
      Thread.sleep(100);
    }
    assertThat(tokens).isNotEmpty().allMatch(t -> t.contains("commitPosition"), "a KurrentDB position");

    String firstType = stream.get(0).getEventType();
    assertThat(audit.body())
        .contains(firstType.substring(Math.max(firstType.lastIndexOf('.'), firstType.lastIndexOf('$')) + 1))
        .contains("userId");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").build());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    String basic = Base64.getEncoder()
        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic)
        .header("Accept", "application/json, application/problem+json");
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

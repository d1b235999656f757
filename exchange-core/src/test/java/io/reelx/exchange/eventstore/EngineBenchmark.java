package io.reelx.exchange.eventstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of the event storage engines: appends N events over M aggregates (one event per
 * append, as a bid is, from T threads each owning a share of the aggregates), then reads them all
 * back through tracking (deserializing each payload, as a projection rebuild does).
 *
 * <p>Engines: Axon's JDBC engine on embedded PostgreSQL (fsync on unless {@code fsync=off}), and
 * the Kurrent engine against the in-memory loopback server, or a real KurrentDB when
 * {@code -Dreelx.eventstoredb.connection-string=...} is given. The loopback server is a test double
 * (in memory, no disk, no replication): its figures measure the engine and client, not KurrentDB.
 *
 * <p>Usage: {@code ops/bench/engines.sh [events=20000] [aggregates=200] [threads=4] [fsync=on]}
 */
public final class EngineBenchmark {

  public static void main(String[] args) throws Exception {
    // Outside Spring Boot, Logback logs everything at DEBUG: the gRPC stack alone would then
    // print several lines a call, and the benchmark would measure the console.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int aggregates = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    boolean fsync = args.length <= 3 || !"off".equals(args[3]);
    System.out.printf("events=%d aggregates=%d threads=%d fsync=%s%n", events, aggregates, threads,
        fsync ? "on" : "off");

    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("fsync", fsync ? "on" : "off")
        .setServerConfig("synchronous_commit", fsync ? "on" : "off")
        .start()) {
      HikariConfig pool = new HikariConfig();
      pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
      pool.setMaximumPoolSize(threads + 2);
      try (HikariDataSource dataSource = new HikariDataSource(pool)) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        run("postgres-jdbc", JdbcEventStorageEngineTest.jdbcEngine(dataSource), events, aggregates,
            threads);
      }
    }

    String external = System.getProperty("reelx.eventstoredb.connection-string");
    LoopbackKurrentServer loopback = external == null ? LoopbackKurrentServer.start() : null;
    String connection = external != null ? external : loopback.connectionString();
    KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connection));
    try {
      EventStorageEngine kurrent = KurrentEventStorageEngine.builder().client(client)
          .eventSerializer(EventStorageEngineContract.SERIALIZER)
          .snapshotSerializer(EventStorageEngineContract.SERIALIZER).build();
      run(external != null ? "kurrentdb" : "kurrent-loopback (test double, indicative only)",
          kurrent, events, aggregates, threads);
    } finally {
      client.shutdown().get();
      if (loopback != null) {
        loopback.close();
      }
    }
  }

  private static void run(String name, EventStorageEngine engine, int events, int aggregates,
      int threads) throws Exception {
    TrackingToken start = engine.createHeadToken();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < aggregates; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    int perAggregate = Math.max(1, events / aggregates);
    int total = perAggregate * aggregates;

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long began = System.nanoTime();
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int owner = t;
        work.add(pool.submit(() -> {
          for (int seq = 0; seq < perAggregate; seq++) {
            for (int a = owner; a < ids.size(); a += threads) {
              String id = ids.get(a);
              engine.appendEvents(List.of(new GenericDomainEventMessage<>("Thing", id, seq,
                  new EventStorageEngineContract.ThingHappened(id, seq, "bid " + seq),
                  MetaData.with("correlationId", id).and("userId", "bench"))));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double appendSeconds = (System.nanoTime() - began) / 1e9;

    began = System.nanoTime();
    long read;
    try (var stream = engine.readEvents(start, false)) {
      read = stream.filter(e -> e.getPayload() != null).count();
    }
    double readSeconds = (System.nanoTime() - began) / 1e9;

    System.out.printf(Locale.ROOT, "%-48s append %8d events in %6.2f s = %9.0f events/s%n", name,
        total, appendSeconds, total / appendSeconds);
    System.out.printf(Locale.ROOT, "%-48s track  %8d events in %6.2f s = %9.0f events/s%n", name,
        read, readSeconds, read / readSeconds);
    if (read != total) {
      throw new IllegalStateException(name + ": appended " + total + " but tracked " + read);
    }
  }

  private EngineBenchmark() {
  }
}

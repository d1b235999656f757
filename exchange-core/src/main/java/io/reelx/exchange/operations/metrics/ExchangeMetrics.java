package io.reelx.exchange.operations.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.reelx.exchange.contract.domain.ContractStatus;
import io.reelx.exchange.listing.domain.ListingStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The market's state for operators, read when Prometheus scrapes (at most once every
 * {@value #FRESH_SECONDS} seconds, whatever the number of scrapers): listings and contracts by
 * status, settlement report lines taken in and statements issued, the size of the database, and
 * how far each tracking event processor is behind the head of the event store.
 *
 * <p>Every series exists from the start (zero when nothing is in that state), so dashboards and
 * alerts do not depend on the market having reached a state once.
 */
@Component
public class ExchangeMetrics implements SmartInitializingSingleton {

  static final int FRESH_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(ExchangeMetrics.class);

  private final MeterRegistry meters;
  private final JdbcClient jdbc;
  private final EventProcessingConfiguration processing;
  private final EventStore events;
  private volatile Snapshot snapshot;

  public ExchangeMetrics(MeterRegistry meters, JdbcClient jdbc, EventProcessingConfiguration processing,
      EventStore events) {
    this.meters = meters;
    this.jdbc = jdbc;
    this.processing = processing;
    this.events = events;
  }

  /** Registered once every singleton exists: the processors are known only then. */
  @Override
  public void afterSingletonsInstantiated() {
    for (ListingStatus status : ListingStatus.values()) {
      Gauge.builder("reelx.listings", () -> current().listings.getOrDefault(status.name(), 0L))
          .description("Listings by status (open auctions are BIDDING or COUNTDOWN; closed are AWARDED or FAILED)")
          .tag("status", status.name())
          .register(meters);
    }
    for (ContractStatus status : ContractStatus.values()) {
      Gauge.builder("reelx.contracts", () -> current().contracts.getOrDefault(status.name(), 0L))
          .description("Contracts by status")
          .tag("status", status.name())
          .register(meters);
    }
    FunctionCounter.builder("reelx.settlement.lines", this, m -> m.current().reportLines)
        .description("Revenue report lines taken in by settlement (every version of every report)")
        .register(meters);
    FunctionCounter.builder("reelx.settlement.statements", this, m -> m.current().statements)
        .description("Settlement statements issued")
        .register(meters);
    Gauge.builder("reelx.database.size", () -> current().databaseBytes)
        .description("Size on disk of the exchange's PostgreSQL database")
        .baseUnit("bytes")
        .register(meters);
    processing.eventProcessors().forEach((name, processor) -> {
      if (processor instanceof StreamingEventProcessor streaming) {
        Gauge.builder("reelx.event.processor.lag", () -> lag(streaming))
            .description("Events the processor is behind the head of the event store (NaN on a node that"
                + " processes none of its segments)")
            .tag("processor", name)
            .baseUnit("events")
            .register(meters);
      }
    });
  }

  private Number lag(StreamingEventProcessor processor) {
    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
    if (status.isEmpty()) {
      return Double.NaN;
    }
    long head = position(current().head);
    long behind = 0;
    for (EventTrackerStatus segment : status.values()) {
      OptionalLong at = segment.getCurrentPosition();
      // a segment that has processed nothing yet is behind by everything
      long lag = head - at.orElse(-1L);
      behind = Math.max(behind, lag);
    }
    return Math.max(0, behind);
  }

  private static long position(TrackingToken head) {
    return head == null ? -1L : head.position().orElse(-1L);
  }

  private Snapshot current() {
    Snapshot known = snapshot;
    long now = System.nanoTime();
    if (known != null && now - known.takenAt < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
      return known;
    }
    synchronized (this) {
      known = snapshot;
      if (known != null && now - known.takenAt < TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
        return known;
      }
      snapshot = read(now, known);
      return snapshot;
    }
  }

  private Snapshot read(long now, Snapshot previous) {
    try {
      Map<String, Long> listings = byStatus("SELECT status, count(*) FROM listing_view GROUP BY status");
      Map<String, Long> contracts = byStatus("SELECT status, count(*) FROM contract_view GROUP BY status");
      long lines = jdbc.sql("SELECT coalesce(sum(lines), 0) FROM revenue_report").query(Long.class).single();
      long statements = jdbc.sql("SELECT count(*) FROM settlement_statement").query(Long.class).single();
      long bytes = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
      return new Snapshot(now, listings, contracts, lines, statements, bytes, events.createHeadToken());
    } catch (RuntimeException unreadable) {
      // a scrape must not fail because the database is away for a moment: the last figures stand
      log.debug("Metrics not refreshed", unreadable);
      return previous != null ? previous : new Snapshot(now, Map.of(), Map.of(), 0, 0, 0, null);
    }
  }

  private Map<String, Long> byStatus(String sql) {
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  private record Snapshot(long takenAt, Map<String, Long> listings, Map<String, Long> contracts, long reportLines,
      long statements, long databaseBytes, TrackingToken head) {}
}

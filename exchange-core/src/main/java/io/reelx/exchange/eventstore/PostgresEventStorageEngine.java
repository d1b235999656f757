package io.reelx.exchange.eventstore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage engine on PostgreSQL, with the event table's text timestamps written
 * and read by {@link EventTimestamps} instead of a {@code DateTimeFormatter}. Axon parses the
 * timestamp of every event it reads for the tracking processors (to tell a gap that may still be
 * filled from one that timed out); on a bid-heavy stream that parsing was a quarter of the event
 * producer's time. The rows are the same as Axon's: either engine reads what the other wrote.
 *
 * <p>The gap settings are this class's own copy of what it gives the builder, because Axon keeps
 * them private: {@link #build} sets them last, over anything the caller set.
 */
public class PostgresEventStorageEngine extends JdbcEventStorageEngine {

  /** Axon's defaults, set explicitly so that the copy here cannot drift from the builder's. */
  static final long LOWEST_GLOBAL_SEQUENCE = 1;
  static final int MAX_GAP_OFFSET = 10_000;
  static final int GAP_TIMEOUT_MILLIS = 60_000;

  private final EventSchema schema;

  /** The engine, after {@code configure} has set the builder's serializers, connections and transactions. */
  public static PostgresEventStorageEngine build(UnaryOperator<JdbcEventStorageEngine.Builder> configure) {
    return new PostgresEventStorageEngine(configure.apply(JdbcEventStorageEngine.builder())
        .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
        .maxGapOffset(MAX_GAP_OFFSET)
        .gapTimeout(GAP_TIMEOUT_MILLIS));
  }

  private PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder) {
    super(builder);
    this.schema = schema();
  }

  @Override
  protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
    statement.setString(position, EventTimestamps.format(timestamp));
  }

  /** As Axon's, but the timestamp is parsed by {@link EventTimestamps}, here and when a handler asks for it. */
  @Override
  protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
      throws SQLException {
    long globalSequence = resultSet.getLong(schema.globalIndexColumn());
    String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
    String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
    String timestamp = resultSet.getString(schema.timestampColumn());
    Instant instant = EventTimestamps.parse(timestamp);
    Entry<?> event = new Entry<>(resultSet.getString(schema.typeColumn()),
        eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
        resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, timestamp, instant,
        resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
        readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn()));
    boolean allowGaps = instant.isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
    GapAwareTrackingToken token;
    if (previousToken == null) {
      token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
          ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
              .collect(Collectors.toCollection(TreeSet::new))
          : Collections.emptySortedSet());
    } else {
      token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
    }
    return new TrackedDomainEventData<>(token, event);
  }

  /** A stored event whose timestamp was parsed once, when it was read. */
  private static final class Entry<T> extends GenericDomainEventEntry<T> {
    private final Instant instant;

    Entry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
        Instant instant, String payloadType, String payloadRevision, T payload, T metaData) {
      super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
          payload, metaData);
      this.instant = instant;
    }

    @Override
    public Instant getTimestamp() {
      return instant;
    }
  }
}

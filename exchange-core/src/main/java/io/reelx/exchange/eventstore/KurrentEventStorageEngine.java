package io.reelx.exchange.eventstore;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.annotation.Nonnull;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;

/**
 * Axon's event storage on KurrentDB (EventStoreDB) through the official gRPC client.
 *
 * <p>Streams, all named from the aggregate identifier alone:
 * <ul>
 *   <li>{@code reelx-<aggregateId>}: the aggregate's events; stream revision = Axon sequence
 *       number. Events published outside an aggregate are stored like Axon's JDBC engine stores
 *       them, as sequence 0 of a stream named after the event identifier.</li>
 *   <li>{@code reelx.snapshot-<aggregateId>}: its snapshots (the last few kept through
 *       {@code $maxCount}); the newest one is read backwards from the end. The dot keeps the two
 *       apart for any aggregate id, and gives KurrentDB's category projection two categories,
 *       {@code reelx} and {@code reelx.snapshot}.</li>
 * </ul>
 *
 * <p>The events of one unit of work for one aggregate go in one append call that expects the
 * stream at the revision before the first event (no stream for sequence 0). A wrong expected
 * version is what a duplicate key is on JDBC: Axon's {@code AggregateStreamCreationException} for a
 * first event, its {@code ConcurrencyException} otherwise, and nothing of the append is stored.
 * A unit of work touching several aggregates makes one append per aggregate: KurrentDB has no
 * multi-stream transaction, so those are not atomic together.
 *
 * <p>Tracking processors read {@code $all} forwards in batches from a {@link KurrentPositionToken};
 * system records (types or streams starting with {@code $}), snapshots and streams of other
 * applications are skipped.
 */
public final class KurrentEventStorageEngine extends AbstractEventStorageEngine {

  /** Prefix of the aggregate event streams. */
  public static final String EVENT_STREAM_PREFIX = "reelx-";
  /** Prefix of the aggregate snapshot streams. */
  public static final String SNAPSHOT_STREAM_PREFIX = "reelx.snapshot-";
  /** Snapshots kept per aggregate (older ones are truncated by the server). */
  static final long SNAPSHOTS_KEPT = 3;

  private final KurrentDBClient client;
  private final int batchSize;

  private KurrentEventStorageEngine(Builder builder) {
    super(builder);
    this.client = builder.client;
    this.batchSize = builder.batchSize;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The stream holding an aggregate's events. */
  public static String eventStream(String aggregateIdentifier) {
    return EVENT_STREAM_PREFIX + aggregateIdentifier;
  }

  /** The stream holding an aggregate's snapshots. */
  public static String snapshotStream(String aggregateIdentifier) {
    return SNAPSHOT_STREAM_PREFIX + aggregateIdentifier;
  }

  // ---- writing

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    if (events.isEmpty()) {
      return;
    }
    Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
    for (EventMessage<?> event : events) {
      DomainEventMessage<?> domainEvent = EventUtils.asDomainEventMessage(event);
      byAggregate.computeIfAbsent(domainEvent.getAggregateIdentifier(), id -> new ArrayList<>())
          .add(domainEvent);
    }
    byAggregate.forEach((aggregateId, stream) -> appendToAggregate(aggregateId, stream, serializer));
  }

  private void appendToAggregate(String aggregateId, List<DomainEventMessage<?>> events,
      Serializer serializer) {
    DomainEventMessage<?> first = events.get(0);
    List<EventData> records = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      DomainEventMessage<?> event = events.get(i);
      if (event.getSequenceNumber() != first.getSequenceNumber() + i) {
        throw new EventStoreException("Events of aggregate [" + aggregateId
            + "] are not consecutive: sequence " + event.getSequenceNumber() + " after "
            + (first.getSequenceNumber() + i - 1));
      }
      records.add(KurrentEventCodec.encode(event, serializer));
    }
    StreamState expected = first.getSequenceNumber() == 0
        ? StreamState.noStream()
        : StreamState.streamRevision(first.getSequenceNumber() - 1);
    try {
      await(client.appendToStream(eventStream(aggregateId),
          AppendToStreamOptions.get().streamState(expected), records.iterator()));
    } catch (RuntimeException e) {
      handlePersistenceException(e, first);
    }
  }

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    String stream = snapshotStream(snapshot.getAggregateIdentifier());
    try {
      WriteResult written = await(client.appendToStream(stream,
          AppendToStreamOptions.get().streamState(StreamState.any()),
          KurrentEventCodec.encode(snapshot, serializer)));
      if (written.getNextExpectedRevision().toRawLong() == 0) { // the stream's first snapshot
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxCount(SNAPSHOTS_KEPT);
        await(client.setStreamMetadata(stream, metadata));
      }
    } catch (RuntimeException e) {
      throw new EventStoreException(
          "Cannot store snapshot of aggregate [" + snapshot.getAggregateIdentifier() + "]", e);
    }
  }

  // ---- reading one aggregate

  @Override
  protected Stream<? extends DomainEventData<?>> readEventData(String identifier,
      long firstSequenceNumber) {
    String stream = eventStream(identifier);
    return lazily(new BatchSource<DomainEventData<?>>() {
      private long next = Math.max(0, firstSequenceNumber);

      @Override
      public boolean fetch(Consumer<DomainEventData<?>> sink) {
        List<ResolvedEvent> batch = readStream(stream,
            ReadStreamOptions.get().forwards().fromRevision(next).maxCount(batchSize));
        for (ResolvedEvent resolved : batch) {
          RecordedEvent event = resolved.getOriginalEvent();
          sink.accept(KurrentEventCodec.decode(event));
          next = event.getRevision() + 1;
        }
        return batch.size() == batchSize;
      }
    });
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    List<ResolvedEvent> newest = readStream(snapshotStream(aggregateIdentifier),
        ReadStreamOptions.get().backwards().fromEnd().maxCount(SNAPSHOTS_KEPT));
    return newest.stream()
        .map(resolved -> KurrentEventCodec.decode(resolved.getOriginalEvent()))
        .sorted(Comparator.comparingLong(GenericDomainEventEntry<byte[]>::getSequenceNumber)
            .reversed());
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
    List<ResolvedEvent> last = readStream(eventStream(aggregateIdentifier),
        ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
    return last.stream().findFirst().map(e -> e.getOriginalEvent().getRevision());
  }

  // ---- tracking

  @Override
  protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken,
      boolean mayBlock) {
    KurrentPositionToken start = trackingToken == null
        ? KurrentPositionToken.TAIL : (KurrentPositionToken) trackingToken;
    return lazily(new BatchSource<TrackedEventData<?>>() {
      private KurrentPositionToken last = start;

      @Override
      public boolean fetch(Consumer<TrackedEventData<?>> sink) {
        ReadAllOptions options = ReadAllOptions.get().forwards().maxCount(batchSize + 1L);
        options = last.atTail() ? options.fromStart()
            : options.fromPosition(new Position(last.commitPosition(), last.preparePosition()));
        List<ResolvedEvent> batch = readAll(options);
        int fresh = 0;
        for (ResolvedEvent resolved : batch) {
          RecordedEvent event = resolved.getOriginalEvent();
          Position position = event.getPosition();
          if (!last.isBefore(position.getCommitUnsigned(), position.getPrepareUnsigned())) {
            continue; // the event the token points at (reads from a position include it)
          }
          fresh++;
          last = new KurrentPositionToken(position.getCommitUnsigned(), position.getPrepareUnsigned());
          if (isApplicationEvent(event)) {
            sink.accept(new TrackedDomainEventData<>(last, KurrentEventCodec.decode(event)));
          }
        }
        return fresh >= batchSize;
      }
    });
  }

  @Override
  public TrackingToken createTailToken() {
    return KurrentPositionToken.TAIL;
  }

  @Override
  public TrackingToken createHeadToken() {
    List<ResolvedEvent> last = readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1));
    return last.isEmpty() ? KurrentPositionToken.TAIL : tokenOf(last.get(0).getOriginalEvent());
  }

  /**
   * The token just before the first event stamped at or after {@code dateTime}. KurrentDB keeps no
   * index by time, so this reads {@code $all} backwards from the end until it meets an older
   * event: its cost grows with the number of events since {@code dateTime}.
   */
  @Override
  public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
    ReadAllOptions options = ReadAllOptions.get().backwards().fromEnd().maxCount(batchSize);
    KurrentPositionToken seen = null;
    while (true) {
      List<ResolvedEvent> batch = readAll(options);
      int fresh = 0;
      for (ResolvedEvent resolved : batch) {
        RecordedEvent event = resolved.getOriginalEvent();
        KurrentPositionToken here = tokenOf(event);
        if (seen != null && here.compareTo(seen) >= 0) {
          continue;
        }
        fresh++;
        seen = here;
        if (isApplicationEvent(event)
            && DateTimeUtils.parseInstant(KurrentEventCodec.timestamp(event)).isBefore(dateTime)) {
          return here;
        }
      }
      if (fresh == 0 || batch.size() < batchSize) {
        return KurrentPositionToken.TAIL;
      }
      options = ReadAllOptions.get().backwards().maxCount(batchSize)
          .fromPosition(new Position(seen.commitPosition(), seen.preparePosition()));
    }
  }

  /** An aggregate event of this application, not a system record, a snapshot or a foreign stream. */
  static boolean isApplicationEvent(RecordedEvent event) {
    return event.getStreamId().startsWith(EVENT_STREAM_PREFIX)
        && !event.getEventType().startsWith("$");
  }

  private static KurrentPositionToken tokenOf(RecordedEvent event) {
    return new KurrentPositionToken(event.getPosition().getCommitUnsigned(),
        event.getPosition().getPrepareUnsigned());
  }

  // ---- client calls

  private List<ResolvedEvent> readStream(String stream, ReadStreamOptions options) {
    try {
      return await(client.readStream(stream, options)).getEvents();
    } catch (StreamNotFoundException e) {
      return List.of();
    } catch (RuntimeException e) {
      throw new EventStoreException("Cannot read stream [" + stream + "]", e);
    }
  }

  private List<ResolvedEvent> readAll(ReadAllOptions options) {
    try {
      ReadResult result = await(client.readAll(options));
      return result.getEvents();
    } catch (RuntimeException e) {
      throw new EventStoreException("Cannot read $all", e);
    }
  }

  /** Waits for a client call; its failure is rethrown as the client's own exception. */
  private static <T> T await(Future<T> call) {
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventStoreException("Interrupted while waiting for KurrentDB", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new CompletionException(cause);
    }
  }

  private interface BatchSource<T> {
    /** Gives the next batch to {@code sink}; answers whether more may follow. */
    boolean fetch(Consumer<T> sink);
  }

  /** A stream that fetches a batch only when the previous one has been consumed. */
  private static <T> Stream<T> lazily(BatchSource<T> source) {
    Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
        Spliterator.ORDERED | Spliterator.NONNULL) {
      private final Deque<T> buffer = new ArrayDeque<>();
      private boolean more = true;

      @Override
      public boolean tryAdvance(Consumer<? super T> action) {
        while (buffer.isEmpty() && more) {
          more = source.fetch(buffer::add);
        }
        if (buffer.isEmpty()) {
          return false;
        }
        action.accept(buffer.poll());
        return true;
      }
    };
    return StreamSupport.stream(spliterator, false);
  }

  /**
   * Builds the engine. The client is required; batch size defaults to 500. Unless set otherwise,
   * a wrong expected version counts as Axon's duplicate key (a concurrency conflict).
   */
  public static final class Builder extends AbstractEventStorageEngine.Builder {
    private KurrentDBClient client;
    private int batchSize = 500;

    private Builder() {
      persistenceExceptionResolver(Builder::isWrongExpectedVersion);
    }

    public Builder client(KurrentDBClient client) {
      this.client = client;
      return this;
    }

    public Builder batchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    @Override
    public Builder snapshotSerializer(Serializer snapshotSerializer) {
      super.snapshotSerializer(snapshotSerializer);
      return this;
    }

    @Override
    public Builder eventSerializer(Serializer eventSerializer) {
      super.eventSerializer(eventSerializer);
      return this;
    }

    @Override
    public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
      super.upcasterChain(upcasterChain);
      return this;
    }

    @Override
    public Builder snapshotFilter(org.axonframework.eventsourcing.snapshotting.SnapshotFilter filter) {
      super.snapshotFilter(filter);
      return this;
    }

    @Override
    public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
      super.persistenceExceptionResolver(resolver);
      return this;
    }

    public KurrentEventStorageEngine build() {
      return new KurrentEventStorageEngine(this);
    }

    @Override
    protected void validate() {
      super.validate();
      if (client == null) {
        throw new org.axonframework.common.AxonConfigurationException(
            "A KurrentDBClient is required");
      }
    }

    private static boolean isWrongExpectedVersion(Exception e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof WrongExpectedVersionException) {
          return true;
        }
      }
      return false;
    }
  }
}

package io.reelx.exchange.eventstore;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.gossip.GossipGrpc;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.ClusterInfo;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.EndPoint;
import io.kurrent.dbclient.proto.gossip.GossipOuterClass.MemberInfo;
import io.kurrent.dbclient.proto.serverfeatures.ServerFeaturesGrpc;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethod;
import io.kurrent.dbclient.proto.serverfeatures.Serverfeatures.SupportedMethods;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A test double of a single KurrentDB node, speaking the server's gRPC protocol on 127.0.0.1 with
 * plaintext (connect with {@code kurrentdb://127.0.0.1:PORT?tls=false}). Built on the stubs that
 * ship inside the client jar; it keeps everything in memory.
 *
 * <p>What it implements, with the server's semantics:
 * <ul>
 *   <li>{@code Streams.Append}: expected state any / no_stream / stream_exists / exact revision,
 *       answering a mismatch with the wrong-expected-version response and storing nothing; all
 *       events of one call are written together at consecutive global positions; the response
 *       carries the stream's new revision and the commit/prepare position.</li>
 *   <li>{@code Streams.Read} of one stream (forwards/backwards, from start, end or a revision, max
 *       count; stream-not-found for an unknown stream) and of {@code $all} (forwards from a position
 *       inclusive, backwards from a position exclusive, from start or end, max count), in order of
 *       global position. Filters and subscriptions are answered UNIMPLEMENTED.</li>
 *   <li>{@code ServerFeatures.GetSupportedMethods} (which the client calls on connect) and
 *       {@code Gossip.Read} (one alive leader: itself) for connection strings that discover.</li>
 * </ul>
 * Positions are byte offsets of an imaginary log (commit = prepare), and the log starts with a
 * system record ({@code $epoch} in {@code $epochs}) as a real one does, so readers must skip it.
 * No truncation ({@code $maxCount} metadata is stored, not enforced), deletes, ACLs or
 * idempotent re-appends.
 */
public final class LoopbackKurrentServer implements AutoCloseable {

  /** One record of the log. */
  record Stored(String stream, long revision, long position, UUID id, Map<String, String> metadata,
      ByteString data, ByteString customMetadata) {
  }

  private final Object lock = new Object();
  private final List<Stored> log = new ArrayList<>();
  private final Map<String, List<Stored>> streams = new HashMap<>();
  private final Clock clock;
  private long nextPosition;
  private final Server server;

  private LoopbackKurrentServer(Clock clock) {
    this.clock = clock;
    append("$epochs", List.of(new Proposed(UUID.randomUUID(), Map.of("type", "$epoch",
        "content-type", "application/json"), ByteString.copyFromUtf8("{\"epochNumber\":0}"),
        ByteString.EMPTY)));
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new Streams())
        .addService(new Features())
        .addService(new Gossip())
        .directExecutor() // calls are short and never block: no hand-off to another thread
        .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the loopback KurrentDB server", e);
    }
  }

  public static LoopbackKurrentServer start() {
    return new LoopbackKurrentServer(Clock.systemUTC());
  }

  public int port() {
    return server.getPort();
  }

  public String connectionString() {
    return "kurrentdb://127.0.0.1:" + port() + "?tls=false";
  }

  /** How many records the log holds, system records included. */
  public int size() {
    synchronized (lock) {
      return log.size();
    }
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow();
    server.awaitTermination(5, TimeUnit.SECONDS);
  }

  // ---- the store

  private record Proposed(UUID id, Map<String, String> metadata, ByteString data,
      ByteString customMetadata) {
  }

  /** Appends under the lock; the caller has checked the expected state. */
  private List<Stored> append(String stream, List<Proposed> events) {
    List<Stored> existing = streams.computeIfAbsent(stream, s -> new ArrayList<>());
    String created = Long.toString(ticks(clock.instant()));
    List<Stored> written = new ArrayList<>();
    for (Proposed p : events) {
      Map<String, String> metadata = new HashMap<>(p.metadata());
      metadata.put("created", created);
      Stored stored = new Stored(stream, existing.size(), nextPosition, p.id(), metadata, p.data(),
          p.customMetadata());
      nextPosition += 64 + p.data().size() + p.customMetadata().size();
      existing.add(stored);
      log.add(stored);
      written.add(stored);
    }
    if (existing.isEmpty()) {
      streams.remove(stream);
    }
    return written;
  }

  /** .NET ticks (100 ns) since the Unix epoch, as the server writes "created". */
  private static long ticks(Instant instant) {
    return instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
  }

  // ---- Streams service

  private final class Streams extends StreamsGrpc.StreamsImplBase {

    @Override
    public StreamObserver<AppendReq> append(StreamObserver<AppendResp> response) {
      return new StreamObserver<>() {
        private AppendReq.Options options;
        private final List<Proposed> proposed = new ArrayList<>();

        @Override
        public void onNext(AppendReq request) {
          if (request.hasOptions()) {
            options = request.getOptions();
          } else if (request.hasProposedMessage()) {
            AppendReq.ProposedMessage m = request.getProposedMessage();
            proposed.add(new Proposed(uuid(m.getId()), m.getMetadataMap(), m.getData(),
                m.getCustomMetadata()));
          }
        }

        @Override
        public void onError(Throwable t) {
          // the client gave up: nothing was written
        }

        @Override
        public void onCompleted() {
          if (options == null) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("no options").asRuntimeException());
            return;
          }
          response.onNext(appendChecked(options, proposed));
          response.onCompleted();
        }
      };
    }

    private AppendResp appendChecked(AppendReq.Options options, List<Proposed> proposed) {
      String stream = options.getStreamIdentifier().getStreamName().toStringUtf8();
      synchronized (lock) {
        List<Stored> existing = streams.getOrDefault(stream, List.of());
        long current = existing.size() - 1; // -1: no stream
        boolean ok = switch (options.getExpectedStreamRevisionCase()) {
          case ANY -> true;
          case NO_STREAM -> current < 0;
          case STREAM_EXISTS -> current >= 0;
          case REVISION -> current == options.getRevision();
          case EXPECTEDSTREAMREVISION_NOT_SET -> true;
        };
        if (!ok) {
          AppendResp.WrongExpectedVersion.Builder wrong = AppendResp.WrongExpectedVersion.newBuilder();
          if (current < 0) {
            wrong.setCurrentNoStream(Shared.Empty.getDefaultInstance());
          } else {
            wrong.setCurrentRevision(current);
          }
          switch (options.getExpectedStreamRevisionCase()) {
            case NO_STREAM -> wrong.setExpectedNoStream(Shared.Empty.getDefaultInstance());
            case STREAM_EXISTS -> wrong.setExpectedStreamExists(Shared.Empty.getDefaultInstance());
            case REVISION -> wrong.setExpectedRevision(options.getRevision());
            default -> wrong.setExpectedAny(Shared.Empty.getDefaultInstance());
          }
          return AppendResp.newBuilder().setWrongExpectedVersion(wrong).build();
        }
        List<Stored> written = LoopbackKurrentServer.this.append(stream, proposed);
        AppendResp.Success.Builder success = AppendResp.Success.newBuilder();
        long revision = streams.getOrDefault(stream, List.of()).size() - 1;
        if (revision < 0) {
          success.setNoStream(Shared.Empty.getDefaultInstance());
        } else {
          success.setCurrentRevision(revision);
        }
        if (written.isEmpty()) {
          success.setNoPosition(Shared.Empty.getDefaultInstance());
        } else {
          long position = written.get(written.size() - 1).position();
          success.setPosition(AppendResp.Position.newBuilder()
              .setCommitPosition(position).setPreparePosition(position));
        }
        return AppendResp.newBuilder().setSuccess(success).build();
      }
    }

    @Override
    public void read(ReadReq request, StreamObserver<ReadResp> response) {
      ReadReq.Options options = request.getOptions();
      if (options.getCountOptionCase() == ReadReq.Options.CountOptionCase.SUBSCRIPTION
          || options.getFilterOptionCase() == ReadReq.Options.FilterOptionCase.FILTER) {
        response.onError(Status.UNIMPLEMENTED
            .withDescription("subscriptions and filters are not implemented by the loopback server")
            .asRuntimeException());
        return;
      }
      boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
      long count = options.getCount();
      List<Stored> selected = new ArrayList<>();
      synchronized (lock) {
        if (options.getStreamOptionCase() == ReadReq.Options.StreamOptionCase.STREAM) {
          ReadReq.Options.StreamOptions stream = options.getStream();
          String name = stream.getStreamIdentifier().getStreamName().toStringUtf8();
          List<Stored> events = streams.get(name);
          if (events == null) {
            response.onNext(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                .setStreamIdentifier(stream.getStreamIdentifier())).build());
            response.onCompleted();
            return;
          }
          int last = events.size() - 1;
          if (forwards) {
            long from = switch (stream.getRevisionOptionCase()) {
              case START, REVISIONOPTION_NOT_SET -> 0;
              case END -> events.size();
              case REVISION -> stream.getRevision();
            };
            for (long r = from; r <= last && selected.size() < count; r++) {
              selected.add(events.get((int) r));
            }
          } else {
            long from = switch (stream.getRevisionOptionCase()) {
              case START -> 0;
              case END, REVISIONOPTION_NOT_SET -> last;
              case REVISION -> Math.min(stream.getRevision(), last);
            };
            for (long r = from; r >= 0 && selected.size() < count; r--) {
              selected.add(events.get((int) r));
            }
          }
        } else {
          ReadReq.Options.AllOptions all = options.getAll();
          if (forwards) {
            long from = switch (all.getAllOptionCase()) {
              case START, ALLOPTION_NOT_SET -> 0;
              case END -> Long.MAX_VALUE;
              case POSITION -> all.getPosition().getCommitPosition();
            };
            for (int i = firstAtOrAfter(from); i < log.size() && selected.size() < count; i++) {
              selected.add(log.get(i));
            }
          } else {
            long before = switch (all.getAllOptionCase()) {
              case START -> 0;
              case END, ALLOPTION_NOT_SET -> Long.MAX_VALUE;
              case POSITION -> all.getPosition().getCommitPosition();
            };
            for (int i = firstAtOrAfter(before) - 1; i >= 0 && selected.size() < count; i--) {
              selected.add(log.get(i));
            }
          }
        }
      }
      for (Stored stored : selected) {
        response.onNext(ReadResp.newBuilder().setEvent(toWire(stored)).build());
      }
      response.onCompleted();
    }

    /** Index of the first record at or after a position (the log is ordered by position). */
    private int firstAtOrAfter(long position) {
      int low = 0;
      int high = log.size();
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (log.get(mid).position() < position) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    private ReadResp.ReadEvent toWire(Stored stored) {
      ReadResp.ReadEvent.RecordedEvent event = ReadResp.ReadEvent.RecordedEvent.newBuilder()
          .setId(Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
              .setMostSignificantBits(stored.id().getMostSignificantBits())
              .setLeastSignificantBits(stored.id().getLeastSignificantBits())))
          .setStreamIdentifier(Shared.StreamIdentifier.newBuilder()
              .setStreamName(ByteString.copyFromUtf8(stored.stream())))
          .setStreamRevision(stored.revision())
          .setCommitPosition(stored.position())
          .setPreparePosition(stored.position())
          .putAllMetadata(stored.metadata())
          .setCustomMetadata(stored.customMetadata())
          .setData(stored.data())
          .build();
      return ReadResp.ReadEvent.newBuilder().setEvent(event).setCommitPosition(stored.position())
          .build();
    }
  }

  private static UUID uuid(Shared.UUID id) {
    return id.hasStructured()
        ? new UUID(id.getStructured().getMostSignificantBits(), id.getStructured().getLeastSignificantBits())
        : UUID.fromString(id.getString());
  }

  // ---- ServerFeatures and Gossip

  private static final class Features extends ServerFeaturesGrpc.ServerFeaturesImplBase {
    @Override
    public void getSupportedMethods(Shared.Empty request, StreamObserver<SupportedMethods> response) {
      String streams = "event_store.client.streams.streams";
      response.onNext(SupportedMethods.newBuilder()
          .setEventStoreServerVersion("24.10.0-loopback")
          .addMethods(SupportedMethod.newBuilder().setServiceName(streams).setMethodName("read"))
          .addMethods(SupportedMethod.newBuilder().setServiceName(streams).setMethodName("append"))
          .addMethods(SupportedMethod.newBuilder()
              .setServiceName("event_store.client.gossip.gossip").setMethodName("read"))
          .addMethods(SupportedMethod.newBuilder()
              .setServiceName("event_store.client.server_features.serverfeatures")
              .setMethodName("getsupportedmethods"))
          .build());
      response.onCompleted();
    }
  }

  private final class Gossip extends GossipGrpc.GossipImplBase {
    @Override
    public void read(Shared.Empty request, StreamObserver<ClusterInfo> response) {
      response.onNext(ClusterInfo.newBuilder().addMembers(MemberInfo.newBuilder()
              .setInstanceId(Shared.UUID.newBuilder().setString(new UUID(0, 1).toString()))
              .setTimeStamp(ticks(clock.instant()))
              .setState(MemberInfo.VNodeState.Leader)
              .setIsAlive(true)
              .setHttpEndPoint(EndPoint.newBuilder().setAddress("127.0.0.1").setPort(port())))
          .build());
      response.onCompleted();
    }
  }
}
